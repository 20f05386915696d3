//! The phrase lists behind every criterion and flag, in the pattern language of
//! [`crate::text::Pattern`]. Written in the long form of contractions.
//!
//! Phrases describe *kinds* of wording (an apology for the experience, a
//! commitment with a time), not sentences from any one script.

use crate::text::Pattern;
use crate::text::{FastHasher, FastSet};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use std::sync::OnceLock;

/// Words that describe a feeling; shared by several lists.
const FEEL: &str = "frustrat~|upset~|annoy~|angry|anger|disappoint~|stress~|worr~|inconvenien~|awful|terrible|difficult|hard|unacceptable|infuriat~|exhaust~|confus~|scary|scared|anxious|unfair|maddening|aggravat~|painful|horrible|exasperat~";

/// Verbs of a concrete fix.
const ACT: &str = "refund~|credit~|replac~|send|sending|sent|ship~|reverse|reversed|reissu~|issu~|cancel~|process~|book~|rebook~|reschedul~|arrang~|fix~|repair~|updat~|reset~|waiv~|restor~|reactivat~|activat~|unblock~|correct~|adjust~|remov~|apply|applied|applying|expedit~|reorder~|dispatch~|approv~|authori~|resend~|deliver~|schedul~|void~|cover~|compensat~|discount~|priorit~|sort|sorted|sorting|escalat~|raise|raised|logged|log_a|log_this|log_it|log_the|upgrad~|swap~|exchang~|return~|honou~|honor~|match~|release~|reinstat~|pause~|suspend~|freez~|unfreez~|run|running|test|testing|transfer~|shorten~|lower_your|reduc~|take_payment|take_the_payment|switch~|connect~|put_you_through|chang~|downgrad~|migrat~|move|add|added|unlock~|extend~|pay|paid|reimburs~|rush~|courier~";

fn compile(src: &[&str]) -> Vec<Pattern> {
    src.iter()
        .map(|s| {
            let s = s.replace("FEEL", FEEL).replace("ACT", ACT);
            Pattern::parse(&s).unwrap_or_else(|e| panic!("built-in lexicon: {e}"))
        })
        .collect()
}

macro_rules! lexicon {
    ($(#[$m:meta])* $name:ident, [$($p:expr),* $(,)?]) => {
        $(#[$m])*
        pub fn $name() -> &'static [Pattern] {
            static CELL: OnceLock<Vec<Pattern>> = OnceLock::new();
            CELL.get_or_init(|| compile(&[$($p),*]))
        }
    };
}

lexicon!(
    greeting,
    [
        "hello|hi|hey|hiya|greetings",
        "good morning|afternoon|evening|day",
        "welcome to|back",
        "thank|thanks you? for calling|contacting|choosing|writing|messaging|phoning",
        "thank|thanks you? for reaching_out|getting_in_touch|getting_in|reaching",
        "how can|may i help|assist",
        "what can i do for you",
        "lovely|nice|great|good to hear|see|speak|talk * from? you",
    ]
);

lexicon!(
    introduction,
    [
        "my name is",
        "you are speaking|talking|chatting with|to",
        "i am * from|with|at|on_the",
        "speaking",
        "this is * from|with|at",
    ]
);

lexicon!(
    listen_stems,
    [
        "what you are saying|telling|describing",
        "if i understand|heard|have|got * correctly|right",
        "if i have this|that right",
        "it|that sounds like",
        "sounds like you",
        "i hear you|that|what|how",
        "what i am hearing",
        "you mentioned|said|told|explained|described|noted",
        "you have told|explained|described|mentioned",
        "let me make sure i",
        "make sure i understand|have|got",
        "just to confirm|clarify|recap|check|summari~|be_clear",
        "to recap|summari~",
        "correct me if",
        "from what you",
        "so you have|had|were|are",
        "so your",
        "i understand that you|your",
    ]
);

lexicon!(feelings, ["FEEL"]);

lexicon!(question_basic, [
    "order|account|reference|booking|ticket|invoice|card|receipt|confirmation|flight|policy|membership|serial|tracking|case|claim|customer_number|postcode|zip",
    "name|email|address|phone|date|model|device|number",
    "when|which|where",
    "what happened",
]);

lexicon!(
    question_detail,
    [
        "tell me more|a_bit|about",
        "walk me through",
        "what|how|when exactly",
        "describe",
        "how often|long",
        "since when",
        "what happens|happened when|after|next",
        "what did you see|try|notice|get",
        "what error|message|screen",
        "when did this|it|that|the * start|begin|happen",
        "what have you tried",
        "have you tried|noticed|seen",
        "is it|this happening",
        "how did that|this|it * make|affect|leave",
        "how are you feeling",
        "anything else * should know",
        "what else",
        "more detail|details|information",
    ]
);

lexicon!(
    question_assessment,
    [
        "what would you like",
        "what would * make this|things|it right|better",
        "what would help|work|be * best|ideal|fair|reasonable|helpful",
        "what would be a fair|good",
        "how important|urgent|serious|soon|quickly",
        "what outcome|result|resolution",
        "how would you like",
        "what matters most",
        "what do you need",
        "what are you hoping|expecting|looking",
        "would you prefer",
        "how is|has|does this|it affect~|impact~",
        "how much * affect~|impact~|cost~",
        "what can i do to|for",
        "ideally",
        "what is most important",
        "by when do you need",
    ]
);

lexicon!(
    question_openers,
    [
        "could|can|would|will|may you|i",
        "do|did|does|have|has|is|are|was|were you|it|this|that|there|your",
        "what|which|when|where|who|why|how is|are|was|were|do|does|did|can|could|would|will|should|have|has|had|happened|kind|sort|type|time|day|date|exactly|else|about|long|often|much|many|soon|important|urgent|old|far|error|message|number|name|address|email|model|version|order|account|card|payment|problem|issue|went|made|caused|changed|would|make~|help~|seem~|appear~",
        "would you mind",
        "may i ask",
    ]
);

lexicon!(
    empathy,
    [
        "i am so|very|really|truly|terribly|extremely|deeply|genuinely|sincerely? sorry",
        "sorry to hear|about|for|that",
        "so|very|really|truly|terribly sorry",
        "i apologize|apologized",
        "my apologies",
        "apologies for",
        "please accept * apolog~",
        "i * understand how|why|what|that * FEEL",
        "i completely|totally|fully|really|absolutely|can understand|imagine",
        "i can only|really? imagine|see how|why",
        "i * understand your frustration|feelings|anger|disappointment|upset|worry|concern",
        "i * understand how you feel|are_feeling",
        "i totally|completely|fully|really? get|understand|see why|how",
        "why|how you are|feel|must_be * FEEL",
        "i know|understand|appreciate|realise|realize how FEEL",
        "must be|have_been|feel * FEEL",
        "that|this|it sounds|is|was|seems * FEEL",
        "i would be|feel * FEEL",
        "i would feel the same",
        "i know how|what * feel~",
        "no wonder you",
        "anyone would be",
        "i hear how",
        "understandably|understandable",
        "what a FEEL",
        "not the experience|service we",
        "that should not have happened",
    ]
);

lexicon!(empathy_weak, ["sorry", "apolog~", "pardon"]);

lexicon!(
    resolve_own,
    [
        "i will|shall|can * ACT",
        "i am going to * ACT",
        "i will|am_going_to ** and|then ACT",
        "i am now|currently|just? ACT",
        "i have * ACT",
        "let me * ACT",
        "i will * make_sure|ensure|see_to",
        "i will take care of",
        "i will get * sorted|fixed|replaced|refunded|sent|resolved",
        "i can offer|give|get you",
        "what i can_do|will_do is|for",
        "i have gone ahead",
        "i will go ahead",
        "i will personally",
        "i will take ownership|responsibility|care",
    ]
);

lexicon!(resolve_team, [
    "we will|can|have|are_going_to * ACT",
    "you will receive|get|see|have * refund|credit|replacement|new|confirmation|email|code|voucher|money",
    "your refund|credit|replacement|booking|card * is|has_been|will_be",
    "has_been|have_been * ACT",
    "here is what i|we",
    "the fix|solution is",
]);

lexicon!(
    vague_fix,
    [
        "look into it|this|that",
        "see what * can do",
        "someone will get|be * back|touch|contact",
        "pass this|it|that on",
        "we will try",
        "should be fixed|sorted|resolved soon",
        "these things happen",
        "it will sort itself",
    ]
);

lexicon!(check, [
    "does|would|will|did that|this|it * work|sound|help|suit|solve|fix|resolve|answer|cover|address|sort|settle|handle|take_care",
    "would|will that|this|it be okay|ok|alright|all_right|acceptable|fair|enough|suitable|good",
    "is that|this okay|ok|alright|all_right|acceptable|fair|satisfactory|helpful|enough|clear|good",
    "is that|this what you * want~|need~|expect~|hop~",
    "how does that|this sound",
    "are you happy|satisfied|comfortable|okay|ok|content * with that|this|the",
    "is there anything else|more",
    "anything else * can help|do",
    "can|may i * help_with|do anything else",
    "have i answered|resolved|covered|addressed",
    "does that|this make sense",
    "did i answer|cover",
    "do you feel * resolved|better|happy",
    "does this|that * work for you",
    "are we good",
    "happy with that|this",
    "fair to you",
    "sound okay|ok|good|fair",
        "seem~|feel~ fair|ok|okay|right|reasonable|good",
    "work for you",
]);

lexicon!(follow_commit, [
    "i will|shall * call|email|text|ring|contact|update|message|phone|write * you|back",
    "i will * follow_up|check_in|check_back|get_back|be_in_touch|keep_you|keep_an_eye|monitor|personally_check|reach_out|let_you_know",
    "follow up|follow~",
    "you will hear from|back",
    "and|then call|email|text|ring|message|update you",
    "call|email|text|message you once|when|as_soon_as",
    "i will check|make_sure * again|tomorrow|tonight|later|arrived|reached|landed|through",
    "i will send * confirmation|summary|email|update|details",
    "we will follow_up|contact_you|keep_you_updated|be_in_touch|let_you_know",
]);

lexicon!(follow_time, [
    "within # hours|days|minutes|business|working|weeks",
    "within the hour|day|week|next",
    "by tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|noon|lunchtime|then",
    "by the_end|close of",
    "by end of",
    "tomorrow|tonight",
    "this afternoon|evening|morning|week",
    "in # hours|days|minutes|weeks",
    "# business|working days",
    "# to # business|working? days|hours",
    "at|by|before|after # am|pm|oclock?",
    "next week|monday|tuesday|wednesday|thursday|friday",
]);

lexicon!(
    follow_reference,
    [
        "reference|ticket|case|claim|confirmation|complaint|tracking number|id|code",
        "reference is",
        "direct line|number|extension|email",
        "my extension",
        "reach me directly|on|at",
        "ask for me",
        "case|ticket|reference #",
    ]
);

lexicon!(
    follow_root,
    [
        "root cause",
        "not|never * happen~ again",
        "make sure this|it|that * never|not happen",
        "prevent~ this|it|that",
        "find out why|what * caused|went_wrong|happened",
        "look into why|how",
        "report this|it to",
        "feedback to",
        "flag this|it with|to",
        "so it|this does not",
    ]
);

lexicon!(
    eager,
    [
        "i would|will be glad|happy|delighted|pleased|more_than_happy to",
        "i am happy|glad|delighted|pleased to",
        "happy|glad to help|assist|do|sort|look|check|take",
        "let me take_care|help|sort|fix|get_this|get_that|handle|find",
        "let me check|look|see * for you",
        "i will|can take care of",
        "absolutely|certainly|gladly",
        "of course",
        "definitely",
        "sure thing",
        "my pleasure",
        "right away",
        "straight away",
        "immediately",
        "i am on it",
        "leave it with me",
        "i would love to help",
        "let us get this|that|it * sorted|fixed|resolved",
        "no problem at all",
        "i will do my_best|everything",
    ]
);

lexicon!(
    concern,
    [
        "not the experience|service|standard|level * want|expect|aim",
        "that is|was not okay|ok|acceptable|right|good_enough|fair",
        "i am|was concerned|worried",
        "i really|genuinely|truly want|care|understand",
        "that must have|be",
        "you were|are right to",
        "i understand how important|much",
        "that should not have happened",
        "i can see how|why * matters|important|upsetting",
        "that is|was really|so? FEEL",
        "i would feel the same",
        "i am glad you told|raised|brought",
    ]
);

lexicon!(
    understand_restate,
    [
        "so you would_like|would_prefer|would_rather|want|need|prefer|are_after",
        "you would_like|would_prefer|would_rather|want|prefer|are_after * to|a|the|your",
        "what you need|want|are_after|are_expecting|are_looking_for|would_like is",
        "if i understand * correctly|right",
        "to make sure i understand",
        "your main|biggest|top? priority|goal|concern|worry is",
        "you are expecting|hoping|looking_for",
        "you need * by|before",
        "the main|most_important|biggest|key thing|priority|concern|worry|goal",
        "what matters most to you is",
    ]
);

lexicon!(
    understand_ask,
    [
        "what would you like",
        "what would * make this|things|it right",
        "what would be * fair|ideal|best|helpful",
        "what outcome|result",
        "how would you like",
        "what are you hoping|expecting|looking_for",
        "what matters most",
        "what do you need",
        "what would you prefer",
        "what is most important",
        "how important|urgent",
    ]
);

lexicon!(respect, [
    "you are absolutely|completely|quite|totally|entirely? right",
    "that is a * fair|valid|good|great|reasonable|excellent * point|question|concern|request",
    "fair|good|valid|great point",
    "i see your_point|why_you|where_you|what_you_mean",
    "i can see why|your_point|where_you",
    "i understand your point|concern|frustration|position|view|perspective|reasons",
    "thank|thanks you? for bringing|letting|explaining|telling|pointing|raising|flagging|waiting|bearing|holding|your",
    "i appreciate",
    "you have every right",
    "i respect",
    "your feedback|concern|view * matters|is_important|is_valid",
    "fair enough",
    "i value",
    "you are right to",
    "point taken",
    "completely fair|valid|reasonable",
]);

lexicon!(politeness, ["please", "thank|thanks", "appreciate~"]);

lexicon!(
    empowered,
    [
        "i will|can|have * ACT",
        "i am going to * ACT",
        "i am now|currently|just? ACT",
        "let me * ACT",
        "i have gone ahead",
        "i will go ahead",
        "i am able to",
        "i am authori~",
        "i have the authority",
        "i can offer|give|approve|authori~|do_that|do_this|do_it|arrange",
        "what i can_do|will_do",
        "leave it with me",
        "i will personally",
        "i will make_sure|see_to_it",
        "i will take ownership|responsibility|care",
    ]
);

lexicon!(
    deflect,
    [
        "you will|would need|have to * call|contact|speak|talk|go|take|email|visit|ring|write|ask",
        "you need to call|contact|speak|talk|go|email|visit|ring",
        "i have to ask|check * my|a * manager|supervisor|team",
        "that is not? up to",
        "i do not have the authority|access|power|ability",
    ]
);

lexicon!(
    flag_argue,
    [
        "that is not true|correct|right|what_happened|how_it_works",
        "you are wrong|mistaken|incorrect|confused",
        "you must be * mistaken|wrong|confused",
        "that never happened",
        "that|it is impossible",
        "no you did|are|were|have",
        "actually you did|are|were|have",
        "i disagree",
        "that can not be right|true",
        "is|was not our|my fault",
        "you clearly did|have|are|were",
        "you are not listening",
        "that is not what i said",
        "i already told|explained|said",
        "as i * said|explained|told",
        "we did nothing wrong",
        "there is|was nothing wrong with",
        "you were told|informed|warned|notified",
        "you agreed to",
    ]
);

lexicon!(flag_blame, [
    "you should have|should_not_have",
    "it is|was your * fault|responsibility|mistake|problem|error",
    "you failed to",
    "you did not read|check|follow|listen|pay|enter|update|tell|bother|register|keep|save|provide|give",
    "if you had|would * read|checked|followed|listened|paid|entered|updated|called|kept|looked|done",
    "you were supposed to",
    "you need to read|learn|listen|pay_attention",
    "your own? fault|mistake|error",
    "you forgot to",
    "you ignored",
    "you obviously|clearly * did_not|have_not|are_not",
    "user error",
    "you caused",
    "you broke",
    "you must have * dropped|broken|deleted|entered|typed|done",
]);

lexicon!(flag_insult, [
    "you are|sound|seem|being * stupid|idiot~|dumb|moron~|pathetic|clueless|ridiculous|incompetent|hysterical|crazy|insane|childish|unreasonable|rude|difficult|a_joke|annoying|overreacting|dramatic",
    "idiot~|moron~|imbecile~",
    "shut up",
    "grow up",
    "get a grip",
    "stop whining|complaining|moaning",
    "stupid|dumb|silly question",
    "you people",
    "whin~|crybaby",
    "are you stupid|dumb|deaf|serious|kidding",
    "not that hard",
    "even a child",
    "overreact~",
    "do not be so|such * dramatic|rude|difficult|childish|ridiculous|silly|stupid|a_baby|sensitive",
]);

lexicon!(flag_calm_down, [
    "calm down",
    "relax",
    "settle down",
    "chill out?",
    "take it easy",
    "take a deep breath",
    "no need to * shout|yell|scream|be_rude|get_upset|be_upset|get_angry|be_angry|swear|raise|get_worked",
    "stop shouting|yelling|screaming|swearing",
    "lower your voice",
    "be reasonable",
    "need to calm",
    "cool down|off",
    "do not get worked up",
]);

lexicon!(
    flag_policy_shield,
    [
        "it|that is * company|our|the policy",
        "our|the|company policy is|says|states|does|prevents|requires|forbids|will_not",
        "per|under|according_to our|the|company * policy|policies|rules|terms",
        "rules are rules",
        "i just|only * follow * policy|rules|procedure|orders",
        "those are the rules",
        "the terms * clearly|state|say",
        "against our|the|company * policy|rules",
        "policy does not allow|permit",
        "i do not make the rules",
        "it is in the terms",
        "policy is policy",
    ]
);

lexicon!(
    flag_not_my_job,
    [
        "not my job|department|problem|responsibility|area|call|decision|concern|team",
        "i|we can not do anything",
        "there is nothing * i|we * can do",
        "nothing * i|we can do",
        "out of my hands",
        "i do not handle|deal|do * that|this|those",
        "i just work here",
        "above my pay grade",
        "that is not something i|we",
        "not up to me",
        "i can not help you|with",
        "talk|speak to someone else",
        "someone else will have to",
        "i am not able|allowed|authorized|authorised to help|do",
        "i am not able|allowed * to * help~|assist~",
        "go somewhere else",
    ]
);

lexicon!(
    flag_negative,
    [
        "unfortunately",
        "there is no way",
        "that is not possible",
        "not possible",
        "impossible",
        "we do not offer|do|have|allow|provide|support|accept",
        "we|i|you can not",
        "will not be available|possible|in_stock|until|able",
        "out of stock",
        "no way",
        "the problem is",
        "i have no idea",
        "i do not know",
        "unable to",
        "we are not able",
        "that will not work",
        "not until",
        "too bad",
    ]
);

lexicon!(flag_cold_transfer, [
    "you will|would|should need|have to * call|contact|ring|phone|dial|email",
    "you need|have to call|contact|ring|phone|dial",
    "you should call|contact|ring|phone|dial",
    "you can call|contact|ring|phone|dial * them|their|the * on|at|number|department|team|directly",
    "call|ring|phone|contact them|the * on|at #",
    "their number is",
    "the number to_call|for * is",
    "the number is",
    "call this number",
    "dial #",
    "give them a call|ring",
    "try calling|contacting|ringing",
]);

lexicon!(warm_transfer, [
    "i will|can|shall|am_going_to * transfer|connect|put|patch|conference|bring|loop|hand|pass * you|them|in|through|over",
    "let me * transfer|connect|put_you_through|patch|conference|bring_in|loop_in",
    "i am transferring|connecting",
    "stay on the line",
    "in case * cut|disconnected|drops|dropped",
    "if we get cut|disconnected",
]);

lexicon!(flag_hang_up, [
    "i am|will * hang|hanging up",
    "hang up on you",
    "end|ending|terminate|terminating|disconnect~|close|closing this|the * call|chat|conversation",
    "i am done * talking|with",
    "this conversation is over",
    "i will not continue",
    "i am leaving this",
    "goodbye and good luck",
    "not going to listen to",
    "call back when you",
]);

lexicon!(flag_sales, [
    "upgrade to|your|you",
    "would you like|be_interested * upgrad~|adding|add|sign~|subscrib~|premium|offer|deal|promotion|bundle|plan|package|protection|insurance|warranty|newsletter",
    "have you considered|thought_about|heard_about * upgrad~|premium|adding|our",
    "special|exclusive|limited|great|amazing * offer|deal|promotion",
    "while i have you",
    "would you be_interested in",
    "would you like to hear|know about",
    "why not upgrade|switch|add|try|get",
    "you might also like|be_interested|want_to_consider|enjoy",
    "check out our",
    "for only|just # a|per month|year",
    "sign up for",
    "our premium|pro|plus plan|package|tier",
    "premium plan|package|tier|membership",
    "add on",
    "extended warranty",
    "new plan|package|bundle",
    "switch to our",
]);

lexicon!(flag_non_apology, [
    "sorry that|if? you feel|think|see|believe|perceive|found|felt|thought",
    "sorry if|that you are|were * upset|unhappy|offended|disappointed|annoyed|frustrated|bothered",
    "sorry you are|were * upset|unhappy|offended|disappointed|annoyed|frustrated|bothered",
    "sorry if * offended|upset|caused|any|this|that|we",
    "apolog~ if",
    "sorry if that|this * came|sounded",
    "any inconvenience this|that|it? may|might have",
    "mistakes were made",
    "regret that you feel|think",
    "sorry but that|this|it|there|we|you|our|the|policy|rules|nothing",
    "sorry you see it",
    "sorry for how you feel",
]);

lexicon!(flag_liability, [
    "it|this|that is|was entirely|completely|totally|all|100%|100? our|my fault",
    "we are|were at_fault|liable|negligent|to_blame",
    "we are|were * responsible for * damage|injury|loss|losses|injuries",
    "we messed|screwed up",
    "we take|accept * full|legal|all * responsibility|liability",
    "we will|can pay|cover * all|any * damages|costs|losses|medical|legal|bills",
    "our|the driver|technician|engineer|staff|employee|courier|team was|is * negligent|at_fault|to_blame|careless|reckless",
    "we admit~",
    "we are legally",
    "it was our negligence",
    "we broke|damaged",
]);

lexicon!(
    vague_info,
    [
        "i think|guess|believe|suppose",
        "not sure",
        "should be fine|okay|ok",
        "probably|maybe|perhaps|roughly|somewhere|ish",
        "something like",
        "or so",
        "i am not certain",
        "no idea",
    ]
);

lexicon!(
    small_talk,
    [
        "how is|are * your day|weekend|week|things",
        "how are you today|doing",
        "hope you are * well|good|having",
        "nice|lovely weather|day",
        "by the way",
        "fun fact",
    ]
);

lexicon!(
    procedure,
    ["first|firstly|step|then|next|after_that|finally|secondly|once_that",]
);

lexicon!(
    warm_personal,
    [
        "it is great|lovely|nice to hear|speak|talk",
        "great|lovely|nice to hear from you",
        "i remember|recall",
        "how have you been",
        "hope * enjoy~",
        "take care",
        "have a lovely|great|wonderful|nice",
    ]
);

/// Words that negate what follows them.
pub const NEGATORS: &[&str] = &[
    "not", "never", "no", "nobody", "nothing", "without", "hardly", "nor",
];

/// Every lexicon, for building the vocabulary.
fn all_lists() -> [&'static [Pattern]; 43] {
    [
        greeting(),
        introduction(),
        listen_stems(),
        feelings(),
        question_basic(),
        question_detail(),
        question_assessment(),
        question_openers(),
        empathy(),
        empathy_weak(),
        resolve_own(),
        resolve_team(),
        vague_fix(),
        check(),
        follow_commit(),
        follow_time(),
        follow_reference(),
        follow_root(),
        eager(),
        concern(),
        understand_restate(),
        understand_ask(),
        respect(),
        politeness(),
        empowered(),
        deflect(),
        flag_argue(),
        flag_blame(),
        flag_insult(),
        flag_calm_down(),
        flag_policy_shield(),
        flag_not_my_job(),
        flag_negative(),
        flag_cold_transfer(),
        warm_transfer(),
        flag_hang_up(),
        flag_sales(),
        flag_non_apology(),
        flag_liability(),
        vague_info(),
        small_talk(),
        procedure(),
        warm_personal(),
    ]
}

/// Common words that are never "repaired" into a lexicon word.
const COMMON: &[&str] = &[
    "about", "after", "again", "also", "back", "been", "before", "being", "both", "call", "came",
    "come", "could", "days", "does", "done", "down", "each", "even", "every", "first", "from",
    "give", "going", "good", "have", "here", "home", "into", "just", "know", "last", "like",
    "look", "made", "make", "many", "more", "most", "much", "must", "need", "next", "only",
    "other", "over", "part", "same", "said", "says", "should", "some", "still", "such", "take",
    "than", "that", "their", "them", "then", "there", "these", "they", "thing", "think", "this",
    "those", "time", "told", "under", "very", "want", "week", "well", "went", "were", "what",
    "when", "where", "which", "while", "with", "work", "would", "year", "your", "yours",
];

/// Lexicon words (five letters or more) by first letter and length, and every
/// word the lexicons know, for typo repair.
pub struct Vocabulary {
    pub candidates: HashMap<(char, usize), Vec<String>, BuildHasherDefault<FastHasher>>,
    pub known: FastSet<String>,
}

/// The vocabulary of all lexicons, built once.
pub fn vocabulary() -> &'static Vocabulary {
    static CELL: OnceLock<Vocabulary> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut vocab = Vocabulary {
            candidates: HashMap::default(),
            known: COMMON.iter().map(|w| w.to_string()).collect(),
        };
        for p in all_lists().iter().flat_map(|l| l.iter()) {
            for w in p.words() {
                vocab.known.insert(w.to_string());
                if w.chars().count() < 5 {
                    continue;
                }
                let key = (w.chars().next().unwrap_or(' '), w.chars().count());
                let entry = vocab.candidates.entry(key).or_default();
                if !entry.iter().any(|e| e == w) {
                    entry.push(w.to_string());
                }
            }
        }
        vocab
    })
}
