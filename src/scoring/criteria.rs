//! The two rubrics: the seven complaint steps and BE SURE, plus the fixed set of
//! mistakes the scorer flags.

use serde::Serialize;

/// One criterion of either rubric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Greet,
    Listen,
    Question,
    Empathize,
    Resolve,
    Check,
    FollowUp,
    BroadKnowledge,
    Eager,
    Sincere,
    Understand,
    Respect,
    Empowered,
}

/// Which rubric a criterion belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rubric {
    Steps,
    BeSure,
}

impl Criterion {
    /// The seven complaint steps, in the order they should happen.
    pub const STEPS: [Criterion; 7] = [
        Criterion::Greet,
        Criterion::Listen,
        Criterion::Question,
        Criterion::Empathize,
        Criterion::Resolve,
        Criterion::Check,
        Criterion::FollowUp,
    ];

    /// The six BE SURE qualities.
    pub const BE_SURE: [Criterion; 6] = [
        Criterion::BroadKnowledge,
        Criterion::Eager,
        Criterion::Sincere,
        Criterion::Understand,
        Criterion::Respect,
        Criterion::Empowered,
    ];

    /// All thirteen, steps first.
    pub const ALL: [Criterion; 13] = [
        Criterion::Greet,
        Criterion::Listen,
        Criterion::Question,
        Criterion::Empathize,
        Criterion::Resolve,
        Criterion::Check,
        Criterion::FollowUp,
        Criterion::BroadKnowledge,
        Criterion::Eager,
        Criterion::Sincere,
        Criterion::Understand,
        Criterion::Respect,
        Criterion::Empowered,
    ];

    pub fn rubric(self) -> Rubric {
        if Criterion::STEPS.contains(&self) {
            Rubric::Steps
        } else {
            Rubric::BeSure
        }
    }

    /// Stable id used in scenario files and JSON output.
    pub fn id(self) -> &'static str {
        match self {
            Criterion::Greet => "greet",
            Criterion::Listen => "listen",
            Criterion::Question => "question",
            Criterion::Empathize => "empathize",
            Criterion::Resolve => "resolve",
            Criterion::Check => "check",
            Criterion::FollowUp => "follow_up",
            Criterion::BroadKnowledge => "broad_knowledge",
            Criterion::Eager => "eager",
            Criterion::Sincere => "sincere",
            Criterion::Understand => "understand",
            Criterion::Respect => "respect",
            Criterion::Empowered => "empowered",
        }
    }

    pub fn from_id(id: &str) -> Option<Criterion> {
        Criterion::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Name shown to trainees.
    pub fn label(self) -> &'static str {
        match self {
            Criterion::Greet => "Greet",
            Criterion::Listen => "Listen",
            Criterion::Question => "Question",
            Criterion::Empathize => "Empathize",
            Criterion::Resolve => "Resolve",
            Criterion::Check => "Check satisfaction",
            Criterion::FollowUp => "Follow through",
            Criterion::BroadKnowledge => "Broad product knowledge",
            Criterion::Eager => "Eager to help",
            Criterion::Sincere => "Sincere concern",
            Criterion::Understand => "Understand expectations",
            Criterion::Respect => "Respect their view",
            Criterion::Empowered => "Empowered",
        }
    }

    /// Coaching hint shown when the criterion was missed.
    pub fn hint(self) -> &'static str {
        match self {
            Criterion::Greet => "Open warmly and introduce yourself: \"Hi, thanks for getting in touch, I'm Sam from the billing team.\"",
            Criterion::Listen => "Show you heard them: sum up the problem and the feeling in your own words before moving on.",
            Criterion::Question => "Ask before you answer: the facts (order number, date), the details, and what would make it right for them.",
            Criterion::Empathize => "Acknowledge the feeling and apologise for the experience: \"I'm sorry this has been so stressful.\"",
            Criterion::Resolve => "Own the fix: say the concrete action you will take yourself, not a vague \"we'll look into it\".",
            Criterion::Check => "Ask whether the solution works for them: \"Would that sort it out for you?\"",
            Criterion::FollowUp => "Commit to a next step: when you will get back to them, a reference number, and a direct way to reach you.",
            Criterion::BroadKnowledge => "Give a correct, specific fact about the product or policy that answers their concern.",
            Criterion::Eager => "Sound willing: \"I'd be glad to take care of that for you.\"",
            Criterion::Sincere => "Treat the disappointment as real; show concern for what it cost them.",
            Criterion::Understand => "Find out and repeat back what they expect: \"So what you need is ... by Friday, is that right?\"",
            Criterion::Respect => "Treat their view as valid, even when the facts differ: thank them and acknowledge their point.",
            Criterion::Empowered => "Answer on your own authority: say what you can do now rather than sending them elsewhere.",
        }
    }
}

/// The mistakes the scorer flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagId {
    Argue,
    Blame,
    Insult,
    CalmDown,
    PolicyShield,
    NotMyJob,
    NegativeLanguage,
    ColdTransfer,
    HangUp,
    SalesPitch,
    NonApology,
    AdmitsLiability,
    Excuse,
}

/// How bad a flagged mistake is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Minor,
    Moderate,
    Severe,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Moderate => "moderate",
            Severity::Severe => "severe",
        }
    }

    /// Points taken off a reply's total.
    pub fn penalty(self) -> f32 {
        match self {
            Severity::Minor => 0.05,
            Severity::Moderate => 0.15,
            Severity::Severe => 0.3,
        }
    }
}

impl FlagId {
    pub const ALL: [FlagId; 13] = [
        FlagId::Argue,
        FlagId::Blame,
        FlagId::Insult,
        FlagId::CalmDown,
        FlagId::PolicyShield,
        FlagId::NotMyJob,
        FlagId::NegativeLanguage,
        FlagId::ColdTransfer,
        FlagId::HangUp,
        FlagId::SalesPitch,
        FlagId::NonApology,
        FlagId::AdmitsLiability,
        FlagId::Excuse,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FlagId::Argue => "argue",
            FlagId::Blame => "blame",
            FlagId::Insult => "insult",
            FlagId::CalmDown => "calm_down",
            FlagId::PolicyShield => "policy_shield",
            FlagId::NotMyJob => "not_my_job",
            FlagId::NegativeLanguage => "negative_language",
            FlagId::ColdTransfer => "cold_transfer",
            FlagId::HangUp => "hang_up",
            FlagId::SalesPitch => "sales_pitch",
            FlagId::NonApology => "non_apology",
            FlagId::AdmitsLiability => "admits_liability",
            FlagId::Excuse => "excuse",
        }
    }

    pub fn from_id(id: &str) -> Option<FlagId> {
        FlagId::ALL.into_iter().find(|f| f.id() == id)
    }

    /// Severity before persona adjustments.
    pub fn base_severity(self) -> Severity {
        match self {
            FlagId::Blame | FlagId::Insult | FlagId::CalmDown | FlagId::HangUp => Severity::Severe,
            FlagId::NotMyJob => Severity::Severe,
            FlagId::Argue | FlagId::PolicyShield | FlagId::ColdTransfer => Severity::Moderate,
            FlagId::NonApology | FlagId::AdmitsLiability | FlagId::Excuse => Severity::Moderate,
            FlagId::NegativeLanguage | FlagId::SalesPitch => Severity::Minor,
        }
    }

    /// Name shown to trainees.
    pub fn label(self) -> &'static str {
        match self {
            FlagId::Argue => "Arguing",
            FlagId::Blame => "Blaming the customer",
            FlagId::Insult => "Insulting",
            FlagId::CalmDown => "\"Calm down\"",
            FlagId::PolicyShield => "Hiding behind policy",
            FlagId::NotMyJob => "\"Not my job\"",
            FlagId::NegativeLanguage => "Negative framing",
            FlagId::ColdTransfer => "Cold transfer",
            FlagId::HangUp => "Hanging up",
            FlagId::SalesPitch => "Sales pitch",
            FlagId::NonApology => "Non-apology",
            FlagId::AdmitsLiability => "Admitting liability",
            FlagId::Excuse => "Making excuses",
        }
    }

    /// What to do instead.
    pub fn advice(self) -> &'static str {
        match self {
            FlagId::Argue => "Don't debate the facts; acknowledge their view, then explain what you can do.",
            FlagId::Blame => "Never point at what the customer should have done; focus on fixing it now.",
            FlagId::Insult => "Keep every word respectful, however the customer speaks to you.",
            FlagId::CalmDown => "Telling someone to calm down inflames them; acknowledge the feeling instead.",
            FlagId::PolicyShield => "Explain the reason and offer what you can do, rather than quoting policy.",
            FlagId::NotMyJob => "Own it: say what you can do, or take it to the person who can, yourself.",
            FlagId::NegativeLanguage => "Lead with what can be done and when, not with what can't.",
            FlagId::ColdTransfer => "Transfer them yourself and give the number only as a back-up.",
            FlagId::HangUp => "Never end the call on a customer; offer a callback or a supervisor instead.",
            FlagId::SalesPitch => "Fix the problem first; an offer to an upset customer sounds like you weren't listening.",
            FlagId::NonApology => "Apologise for their experience, not for how they feel about it.",
            FlagId::AdmitsLiability => "Apologise for the experience without accepting legal fault.",
            FlagId::Excuse => "Leave staff, systems and other teams out of it: the customer hears that it isn't your problem. Say what you will do.",
        }
    }
}
