//! The customer's own words when a scenario does not supply them: brief
//! acknowledgements, reactions and closing lines per persona and mood band.
//! Lines are short on purpose: they lead into the customer's next need.

use crate::persona::Persona;
use crate::scenario::Band;

/// A brief acknowledgement of a need just met.
pub fn ack(p: Persona, band: Band) -> &'static [&'static str] {
    use Band::*;
    use Persona::*;
    match (p, band) {
        (Irate, Angry) => &["Fine.", "Right. That's something."],
        (Irate, Tense) => &["Okay. That's better.", "Right. Good."],
        (Irate, Calm) => &["Okay, thank you.", "Good. Thank you for that."],
        (Analytical, Angry) => &["Noted.", "Very well."],
        (Analytical, _) => &["Good, that's clear.", "Noted, thank you."],
        (Rushed, Angry) => &["Fine."],
        (Rushed, _) => &["Good.", "Great."],
        (Personal, Angry) => &["Well, okay.", "Alright."],
        (Personal, _) => &["Oh, that's kind of you.", "That's a relief, thank you."],
        (Functional, Angry) => &["Fine."],
        (Functional, _) => &["Okay, that's clear.", "Right, understood."],
    }
}

/// When the reply calmed them but did not give them anything yet.
pub fn heard(p: Persona) -> &'static [&'static str] {
    match p {
        Persona::Irate => &[
            "Okay. At least you're listening.",
            "Alright. Thank you for hearing me out.",
        ],
        Persona::Analytical => &["Fine.", "Understood."],
        Persona::Rushed => &["Okay."],
        Persona::Personal => &["Thank you, that means a lot.", "That's kind of you to say."],
        Persona::Functional => &["Okay."],
    }
}

/// When the reply gave them nothing and did not help their mood.
pub fn pressed(p: Persona, band: Band) -> &'static [&'static str] {
    use Band::*;
    use Persona::*;
    match (p, band) {
        (Irate, Angry) => &["That's not an answer.", "You're not listening to me."],
        (Irate, _) => &["That doesn't help me.", "I still don't have an answer."],
        (Analytical, _) => &["That doesn't answer my question.", "That's vague."],
        (Rushed, _) => &["I don't have time for this.", "Come on."],
        (Personal, Angry) => &["I feel like I'm talking to a wall."],
        (Personal, _) => &["Hmm.", "I'm not sure that helps."],
        (Functional, _) => &["That's not what I asked.", "I need a clear answer."],
    }
}

/// When every need is met but they are still sore: a last doubt the trainee can settle.
pub fn lingering(p: Persona) -> &'static [&'static str] {
    match p {
        Persona::Irate => &[
            "Fine. But how do I know this won't happen again?",
            "Right. I'm still not happy about how this went, you know.",
        ],
        Persona::Analytical => &["That answers my questions. I'm not entirely convinced it will go as described, though."],
        Persona::Rushed => &["Okay. Is that everything?"],
        Persona::Personal => &["I suppose so. I just expected a bit more, honestly."],
        Persona::Functional => &["Alright. Just so I'm clear, is that everything I need to do?"],
    }
}

/// The closing line when every need that matters is met and they are content.
pub fn satisfied(p: Persona) -> &'static [&'static str] {
    match p {
        Persona::Irate => &["Okay. That's what I needed. Thank you for actually sorting it out."],
        Persona::Analytical => &["That covers everything. Thank you for being precise."],
        Persona::Rushed => &["Great, that's all I needed. Thanks."],
        Persona::Personal => &["Thank you so much, you've really helped me today."],
        Persona::Functional => &["Good. I know what happens next. Thank you."],
    }
}

/// The closing line when the needs are met but the customer is still sore.
pub fn grudging(p: Persona) -> &'static [&'static str] {
    match p {
        Persona::Irate => &["Fine. Let's hope it actually happens this time. Bye."],
        Persona::Analytical => &["Very well. I'll check that it's done. Goodbye."],
        Persona::Rushed => &["Fine. Bye."],
        Persona::Personal => &["Okay. I suppose that will do. Bye."],
        Persona::Functional => &["Alright. We'll see. Goodbye."],
    }
}

/// Noticing a contradiction: `{earlier}` and `{now}` are the trainee's words.
pub fn contradiction(p: Persona) -> &'static str {
    match p {
        Persona::Irate => "Hang on. You said \"{earlier}\" and now it's \"{now}\"? Which is it?",
        Persona::Analytical => {
            "Earlier you said \"{earlier}\"; now you say \"{now}\". Which is correct?"
        }
        Persona::Rushed => "Wait, you said \"{earlier}\" before. Which is it?",
        Persona::Personal => "Oh, I'm confused. You said \"{earlier}\" before, and now \"{now}\"?",
        Persona::Functional => "That's not what you said before: \"{earlier}\". Which is right?",
    }
}

/// Makes `s` a sentence of its own: trimmed, capitalised, with an end mark.
pub fn sentence(s: &str) -> String {
    let t = s.trim();
    let mut out = String::with_capacity(t.len() + 1);
    let mut chars = t.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
    if !out.is_empty() && !out.ends_with(['.', '!', '?', '"', '\u{201d}', ')']) {
        out.push('.');
    }
    out
}
