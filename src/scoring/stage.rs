//! What a reply is expected to do at this point of the conversation, for
//! this customer. An opening reply to an upset customer is judged on
//! hearing them out, not on a fix it could not know yet; a customer in a
//! hurry is owed the fix, not a questionnaire. Criteria a turn does not call
//! for still earn credit when shown, but are never hinted at or counted
//! against the reply.

use super::{Context, Criterion};
use crate::persona::Persona;

/// True when this turn calls for `c`. `fixing_now` says the reply itself
/// offers a fix (which brings checking and following through into play).
pub fn called_for(ctx: &Context, c: Criterion, fixing_now: bool) -> bool {
    let turn = ctx.turn();
    let done = |c: Criterion| ctx.previous.iter().any(|a| a.hit(c));
    let fixed = done(Criterion::Resolve) || fixing_now;
    let hurried = ctx.persona == Persona::Rushed;
    // Upset or personal callers need to be heard before they can be helped.
    let hear_first = matches!(ctx.persona, Persona::Irate | Persona::Personal);
    let fix_due = !done(Criterion::Resolve)
        && (turn >= 1 || matches!(ctx.persona, Persona::Rushed | Persona::Functional));
    // A customer in a hurry is owed the result: courtesies are welcome
    // but not what the turn is judged on.
    match c {
        Criterion::Greet => turn == 0 && !hurried,
        Criterion::Listen => !hurried && !done(Criterion::Resolve) && (turn <= 1 || !done(c)),
        Criterion::Question => !hurried && !done(Criterion::Resolve),
        // A customer in a hurry who gets the fix at once is owed nothing
        // more in that reply: a word of sympathy, a check or a next step is
        // welcome, not required.
        Criterion::Empathize => {
            !(hurried && fixing_now) && (!done(c) || (hear_first && !done(Criterion::Resolve)))
        }
        Criterion::Resolve => fix_due,
        Criterion::Check | Criterion::FollowUp => {
            if hurried {
                done(Criterion::Resolve)
            } else {
                fixed
            }
        }
        Criterion::BroadKnowledge => !ctx.facts.is_empty() && (fix_due || fixed),
        Criterion::Eager | Criterion::Respect => !hurried,
        Criterion::Sincere => !hurried && (hear_first || !done(Criterion::Empathize)),
        Criterion::Understand => !hurried && !fixed,
        Criterion::Empowered => fix_due || fixing_now,
    }
}
