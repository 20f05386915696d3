//! Detecting the mistakes a reply makes, each with its span and severity.

use super::lexicon as lx;
use super::matching::{contains, overlaps, Reply};
use super::{Context, Flag, FlagId, Severity};
use crate::persona::Persona;

/// Every flagged mistake: once per kind and sentence, and never for words
/// already wholly inside another flag.
pub fn detect_flags(r: &Reply, ctx: &Context) -> Vec<Flag> {
    let warm = !r.find(lx::warm_transfer()).is_empty();
    let lists: [(FlagId, &[crate::text::Pattern]); 12] = [
        (FlagId::HangUp, lx::flag_hang_up()),
        (FlagId::Insult, lx::flag_insult()),
        (FlagId::CalmDown, lx::flag_calm_down()),
        (FlagId::Blame, lx::flag_blame()),
        (FlagId::NotMyJob, lx::flag_not_my_job()),
        (FlagId::PolicyShield, lx::flag_policy_shield()),
        (FlagId::Argue, lx::flag_argue()),
        (FlagId::NonApology, lx::flag_non_apology()),
        (FlagId::AdmitsLiability, lx::flag_liability()),
        (FlagId::ColdTransfer, lx::flag_cold_transfer()),
        (FlagId::SalesPitch, lx::flag_sales()),
        (FlagId::NegativeLanguage, lx::flag_negative()),
    ];
    let mut flags: Vec<Flag> = Vec::new();
    for (id, list) in lists {
        if (id == FlagId::ColdTransfer && warm)
            || (id == FlagId::AdmitsLiability && ctx.may_admit_fault)
        {
            continue;
        }
        for h in r.find(list) {
            let sentence = r.tokens.tokens[h.m.first].sentence;
            let same_sentence = |f: &Flag| {
                f.id == id
                    && r.tokens
                        .sentences
                        .get(sentence)
                        .is_some_and(|s| overlaps(s.span, f.span))
            };
            if flags
                .iter()
                .any(|f| contains(f.span, h.span) || same_sentence(f))
            {
                continue;
            }
            let mut severity = id.base_severity();
            if id == FlagId::SalesPitch && (ctx.customer_upset || ctx.persona == Persona::Irate) {
                severity = Severity::Severe;
            }
            flags.push(Flag {
                id,
                span: h.span,
                severity,
            });
        }
    }
    flags.sort_by_key(|f| f.span);
    flags
}
