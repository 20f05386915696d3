//! The phrase lists behind every criterion and flag, in the pattern language of
//! [`crate::text::Pattern`]. Written in the long form of contractions.
//!
//! Phrases describe *kinds* of wording (an apology for the experience, a
//! commitment with a time), not sentences from any one script.

use crate::text::Pattern;
use crate::text::{FastHasher, FastSet};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

/// Words that describe a feeling; shared by several lists.
const FEEL: &str = "frustrat~|upset~|annoy~|angry|anger|disappoint~|stress~|worr~|inconvenien~|awful|terrible|difficult|hard|unacceptable|infuriat~|exhaust~|confus~|scary|scared|anxious|unfair|maddening|aggravat~|painful|horrible|exasperat~";

/// Verbs of a concrete fix.
const ACT: &str = "refund~|delet~|credit~|replac~|send|sending|sent|ship~|reverse|reversed|reissu~|issu~|cancel~|process~|book~|rebook~|reschedul~|arrang~|fix~|repair~|updat~|reset~|waiv~|restor~|reactivat~|activat~|unblock~|correct~|adjust~|remov~|apply|applied|applying|expedit~|reorder~|dispatch~|approv~|authori~|resend~|deliver~|schedul~|void~|cover~|compensat~|discount~|priorit~|sort|sorted|sorting|escalat~|raised|logged|log_a|log_this|log_it|log_the|upgrad~|swap~|exchang~|return~|honou~|honor~|match~|release~|reinstat~|pause~|suspend~|freez~|unfreez~|run|running|test|testing|shorten~|lower_your|reduc~|take_payment|take_the_payment|switch~|chang~|downgrad~|migrat~|move|add|added|unlock~|extend~|pay|paid|reimburs~|rush~|courier~|bring|bringing|brought|get_you|get_another|get_a_new|get_a_replacement|get_the_correct|get_an_engineer|get_someone_out|give_you|offer~|order~|check_you_in|check_you_into|plac~|put_you|prepar~|cook~|provid~|enclos~|reconnect~|reproduc~|filed|file_a|overturn~|rebill~|reship~|reroute~|track~_down|tracked_down|knock~|taken_it_off|take_it_off|taken_that_off|pushed|push_a|open~_a|opened_the|set_up|setting_up|sett~|raised_the|fast_track~|complet~|issuing|issued|re_deliver|redeliver~|replac~";

/// Participles of a remedy: "the fee is waived", "it's booked for 9 am".
/// Unlike [`ACT`] it leaves out what also describes the problem ("cancelled",
/// "declined", "transferred").
const REMEDY: &str = "refunded|credited|waived|reversed|reissued|replaced|rebooked|reshipped|dispatched|couriered|approved|booked|expedited|reinstated|restored|fixed|repaired|updated|rerouted|moved|upgraded|removed|unblocked|reactivated|unlocked|reset|sorted|resolved|paid|reimbursed|covered|honoured|honored|done|gone|back|yours|on_its_way|on_the_way|confirmed|arranged|scheduled|sent|shipped|posted|delivered|ready|waiting|on_us|on_the_house";

/// True when `w` is one of the participles of a remedy in [`REMEDY`].
pub fn is_remedy_word(w: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| REMEDY.split('|').collect()).contains(w)
}

/// True when `w` is one of the single-word verbs of a fix in [`ACT`].
pub fn is_act_word(w: &str) -> bool {
    let (exact, stems) = act_words();
    // An ending of the verb, not another word: "complete", "completed", but
    // not "completely".
    const ENDINGS: &[&str] = &[
        "", "s", "e", "es", "ed", "d", "ing", "ment", "ments", "ise", "ize", "ised", "ized",
        "ising", "izing", "ion", "ions", "ation", "y", "ied", "ies", "al", "le", "led", "ling",
    ];
    exact.contains(&w)
        || stems
            .iter()
            .any(|s| crate::text::has_prefix(w, s) && ENDINGS.contains(&&w[s.len()..]))
}

fn compile(src: &[&str]) -> Vec<Pattern> {
    static NEXT_ID: AtomicU32 = AtomicU32::new(0);
    src.iter()
        .map(|s| {
            let s = s
                .replace("REMEDY", REMEDY)
                .replace("FEEL", FEEL)
                .replace("ACT", ACT);
            Pattern::parse(&s)
                .unwrap_or_else(|e| panic!("built-in lexicon: {e}"))
                .with_id(NEXT_ID.fetch_add(1, Ordering::Relaxed))
        })
        .collect()
}

/// Every built-in pattern by the keys that can let it match, so a reply
/// looks up its own words once instead of every pattern probing the reply.
pub struct Index {
    by_key: HashMap<u64, Vec<u32>, BuildHasherDefault<FastHasher>>,
    /// One more than the largest pattern id.
    size: usize,
    /// The patterns that spell out a negator themselves ("can not"), as a
    /// bit set by id: a negator inside their matches is theirs.
    negating: Vec<u64>,
}

impl Index {
    /// Whether `p` spells out a negator itself (patterns without an id are
    /// looked at word by word).
    pub fn negating(&self, p: &Pattern) -> bool {
        match p.id() {
            Some(id) => self
                .negating
                .get(id as usize / 64)
                .is_some_and(|bits| bits & (1 << (id % 64)) != 0),
            None => p.words().any(|w| NEGATORS.contains(&w)),
        }
    }

    /// The patterns a text with these word keys may match, as a bit set.
    pub fn candidates<'a>(&self, keys: impl Iterator<Item = &'a u64>) -> Vec<u64> {
        let mut bits = vec![0u64; self.size.div_ceil(64)];
        for k in keys {
            for &id in self.by_key.get(k).into_iter().flatten() {
                bits[id as usize / 64] |= 1 << (id % 64);
            }
        }
        bits
    }
}

/// The index of all built-in lexicons, built once.
pub fn index() -> &'static Index {
    static CELL: OnceLock<Index> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut index = Index {
            by_key: HashMap::default(),
            size: 0,
            negating: Vec::new(),
        };
        for p in all_lists().iter().flat_map(|l| l.iter()) {
            let Some(id) = p.id() else { continue };
            index.size = index.size.max(id as usize + 1);
            if p.words().any(|w| NEGATORS.contains(&w)) {
                let slot = id as usize / 64;
                if index.negating.len() <= slot {
                    index.negating.resize(slot + 1, 0);
                }
                index.negating[slot] |= 1 << (id % 64);
            }
            for &k in p.key_words().unwrap_or(&[]) {
                index.by_key.entry(k).or_default().push(id);
            }
        }
        index
    })
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
        "i hear|see this|the|your",
        "what i am hearing",
        "you mentioned|said|told|explained|described|noted",
        "you have told|explained|described|mentioned",
        "let me make sure i",
        "make sure i understand|have|got",
        "just to confirm|clarify|recap|check|summari~|be_clear",
        "to recap|summari~",
        "correct me if",
        "did i get that|it|this|everything right|correct",
        "have i got that|it|this|everything right",
        "do i have that|it|this|everything right|correct",
        "from what you",
        "so you have|had|were|are",
        "so your",
        "i understand that you|your",
        "i * can? hear|heard * how|that|what|your_frustration|the_frustration|you_feel",
        "i can see|i_see that your|the",
                "i am listening",
        "please go on",
        "go on",
        "i understand * from your",
        "it is clear from your",
        "from what i understand",
        "the main * issue|problem|concern|thing is",
        "is that correct|right",
        "did i get that right",
        "have i got that right",
        "you called|are_calling|are_asking|wrote|are_writing * about",
        "you are asking",
        "i understand * you|you_are|you_would|that_you|your * want|need|would_like|feel|are|were|have|had|did",
        "i jotted|wrote * down|notes",
        "help me understand",
        "you have had to",
        "you want this * resolved|fixed|sorted|done",
        "you are locked|stuck|unable|not_able|having",
        "anything else you would like to tell",
        "sounds like * the|your|you|it|this * disrupt~|cost|ruin~|meant|left|caused|delayed",
        "thank you for your * letter|email|call|telephone_call|message * in_which|about|on|regarding|drawing",
        "drawing my attention",
        "sorry * that_your|your * arrived|came|lacked",
    ]
);

lexicon!(
    /// Phrases that let the customer go on: listening by leaving room.
    listen_invite,
    [
        "i am listening",
        "i am all ears",
        "please go on",
        "go on",
        "take your time",
        "tell me more",
        "tell me what happened",
        "i am here to listen",
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
    not_clarifying,
    [
        "how can|may|could|might i|we * help|assist|serve|be_of_service|provide|make",
        "how i can help",
        "what can i|we * do|help",
        "may|can i help|assist",
        "is that correct|right",
        "did i get that right",
        "have i got that right",
        "correct",
        "do you mind holding|waiting",
        "can|could|may you|i * hold|put_you_on_hold",
        "would you like me|us to * ACT",
        "shall|should i|we",
        "can|may i * bring|get|offer|take|put|send|book|arrange|transfer|connect",
        "how do you do",
        "how are you",
        "is that okay|ok|alright",
        "does this|that * explanation? * make sense|help|work",
        "what is the problem",
        "what * is|was * your? question",
        "would|do you mind if|holding|waiting|hanging|being",
        "is there * something|anything * i|we * can",
        "how is * your day|things|everything",
        "can|may|could i * place|process|run|ran|go_ahead",
        "are we still connected|there",
    ]
);

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
        "not the experience|service|treatment|standard you * deserve|deserved|expect|expected|should",
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
        "i|we am|are * now|currently|just? * processing|refunding|crediting|replacing|rebooking|sending|arranging|booking|cancelling|reversing|fixing|resetting|chasing|escalating|updating|issuing|dispatching|organising|organizing",
        "i_will|let_me|i_am_going_to * ring|call|phone|contact|chase|email * the|your|our * depot|courier|warehouse|supplier|bank|airline|hotel|store|carrier|engineer|manufacturer|kitchen|driver|team",
        "i have taken ** off",
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
        "let|allow me * ACT",
        "can|shall|should|may i * ACT",
        "would you like me|us to * ACT",
        "i can certainly|definitely|absolutely * do|arrange|sort|set",
        "i have taken care of",
        "i will have * ACT|sent|delivered|brought|fixed",
        "i am just finishing",
        "there you are|go",
        "here you are|go",
        "i am|i_will * calling|phoning|contacting|ringing|emailing * ** to ACT",
        "i have|i_will|i_am * phoned|called|contacted|rung|emailed * ** they|and|to",
        "i will not|won't|am_not_going_to charge|send_you_off|bounce",
        "i am making an exception",
        "i have raised|logged|opened|filed",
    ]
);

lexicon!(resolve_team, [
    "we will|can|have|are_going_to * ACT",
    "you will receive|get|see|have * refund|credit|replacement|new|confirmation|email|code|voucher|money",
    "your|a|the refund|credit|replacement|new_one * is|has_been|will_be",
    "you will * get|have|receive * the? * money|# * back",
    "here is what i|we",
    "the fix|solution is",
        "we * have|have_now|will|would_like_to|can|are_going_to|are|have_just? * ACT",
        "your * deposit|refund|credit|replacement|order|booking|return|payment|account|reservation|password|card|item|claim * has_been|have_been|is_now|was_just|will_be * refund~|credit~|approv~|process~|complet~|reissu~|replac~|rebook~|reset~|restor~|reactivat~|unblock~|waiv~|sent|dispatch~|ship~|made|fix~|repair~|expedit~|upgrad~",
        "we * reviewed|approved|completed|processed|confirmed * your|the|a",
        "a full|partial refund|credit|replacement",
        "complimentary",
        "free of charge",
        "at no * cost|charge|extra_cost",
        "voucher",
        "you are now * ACT|booked|confirmed|set|on|all_set",
        "you are all set",
        "is now * ACT|booked|confirmed|fixed|working|active|back|live",
        "is|are|was|has_been|have_been|has|have|is_now|are_now|got * REMEDY",
        "on its|their way",
        "on a courier",
        "in the post",
        "goes|going|go * out|in_the_post|by_courier",
        "ships|shipping|ship * tonight|today|tomorrow|now|first",
        "back on your|in_your * card|account",
        "off your|this|the|that * bill|invoice|account|fee",
        "consider * it|the * done|gone|sorted|waived|cancelled",
        "you are|you_will_be * now? * on|in|booked * the|a|#|seat|room|flight|train",
        "done|sorted",
        "no_charge|no_extra_charge|free",
        "i will go with yours",
        "on us",
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
        "is * everything * okay|ok|alright|all_right|fine|good",
        "is everything",
        "what else can * we|i * do|help",
        "did we|i * resolve|answer|cover|fix|sort|take_care * everything|all|your",
        "can|may|is_there * i|we * help * you? * with * anything|something * else",
        "anything else",
        "before you go",
        "we have taken care of everything",
        "make sense",
        "let me know if * it|that|this|you * is|does|are|need|was|not",
        "if there is anything * we|i|else",
        "i hope * it|that|this * is|helps|works",
        "are you * happy|satisfied|comfortable|okay|ok|alright",
        "has|have|did|does|is|was|were * that|this|it|you|things * sorted|fixed|solved|resolved|worked|working|helped|done_the_trick|cleared|better|able|back",
        "were|are you able to * now|again|log|get|see|access|use|connect",
        "how is * looking|working|going * now",
        "is it working * now|again",
        "did * tht|that|it * fix|help|work",
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
        "get|got back to you",
        "i will * update|call|email|text|contact|notify|inform * you",
        "update you|status_update",
        "you will * receive|get|hear * an|a|back * update|call|email|confirmation|text|answer|response",
        "i will * arrange|schedule|book * a|for * callback|call_back|call|follow_up",
        "callback|call_back",
        "i will have an answer",
        "i will be sure to * bring|pass|raise|share",
        "i made|have_made a note",
        "bring this up with",
        "get to the bottom",
        "investigat~",
        "we will|i_will * check|review|investigate|look * and|then",
        "will|should|expect * arrive|be_delivered|ship~|be_shipped|be_ready|be_on|reach|be_there|see_it|see_that|receive * within|by|in|tomorrow|today|on|next",
        "it typically|usually|normally * arrives|takes",
        "within # * hours|days|minutes|business|working|weeks",
        "first thing * monday|tuesday|wednesday|thursday|friday|tomorrow|in_the_morning",
        "in case you do not receive|hear",
        "if you * do_not|have_not|don't * receive|hear|see",
        "should you have any * questions|problems|issues",
        "please * keep|save * this|the * email|reference|number",
        "escalat~ * to|this|it|your",
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
        "quote|ref|reference|booking_ref|case_ref * #|it|this|the",
        "if|should * it|he|she|they|this|that * is|does|has|are|do * not|n't",
        "any trouble|problems|issues",
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
        "i|we * ** right_away|straight_away|immediately|right_now",
        "i will|am_going_to personally? make sure|ensure|see_to|get_to_the_bottom|look_into|check|take_care|sort|handle|keep_an_eye|get_an_answer|help",
        "i will * check|look|find|see|sort|get_back|keep|help|take",
        "i am going to * check|look|find|see|sort|take|help|fix|loop",
        "i am looking into",
        "so|that i|we can * help|look|sort|fix|check|find|get|see|take_care|resolve|put|make",
        "i will surely|gladly|happily",
        "can i help|assist you",
        "is there something|anything * i|we * can * help|do",
        "anything * we|i * can do * for_you|to_help|to_make",
        "let us know if there is anything",
        "i am on it",
        "leave it with me",
        "i would love to help",
        "let us get this|that|it * sorted|fixed|resolved",
        "no problem at all",
        "i will do my_best|everything",
        "i am|we_are here to|for * help|assist|support|you",
        "i am here",
        "my|our * job|goal|aim|priority|mission is to",
        "i|we * really|truly|just|genuinely? want to * help|assist|support|fix|sort|resolve|solve|take_care|look_into|figure|work|find|get|make|ensure|guide|handle|check|research|see|look|go|expedite|assure",
        "i|we would like to * help|assist|support|fix|sort|resolve|solve|take_care|look_into|figure|work|find|get|make|ensure|guide|handle|check|research|see|look|go|expedite|assure",
        "i would love to",
        "let us * help|assist|support|fix|sort|resolve|solve|take_care|look_into|figure|work|find|get|make|ensure|guide|handle|check|research|see|look|go|expedite|assure|fix_this|sort_this|slow_down",
        "let me * see|check|look|find|research|get|take|help|figure|do|dig|pull",
        "we can|will * sort|fix|figure|find|work|get|resolve|solve * this|it|that|out|a_solution|together",
        "we will find a",
        "i will|am_going_to * do my * very|absolute? best",
        "i will|am_going_to * do * everything|all_i_can|whatever",
        "i will|am_going_to * stay|stick * with|on",
        "i will take this|it|that on",
        "i will find * out",
        "i will|can * guide|walk * you",
        "sure|certainly|gladly * i|we * can|will|would",
        "i can * certainly|definitely|absolutely",
        "i will get on|onto * it|this|that",
        "consider it done",
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
        "how important * is|this|that|it * to you",
        "i know * you were|you_are|you_had * counting|relying|looking_forward|planning|depending",
        "counting on",
        "relying on",
        "your * safety|security|health|wellbeing|comfort|time * is|matters * our|my|important",
        "top priority",
        "the worst timing",
        "cost you",
        "you deserve",
        "not just a",
        "part of a celebration",
        "slowed|held * you|your * down|up|work",
        "thank goodness you are",
        "i know you need",
        "so important to you",
        "must have|be * worrying|stressful|scary|frightening|awful|upsetting|a_shock|hard",
        "i know|understand|realise|realize|appreciate|can_see|can_imagine how much|important|big|stressful|worrying",
        "means|meant * so_much|a_lot|everything|a_great_deal * to you",
        "means to you",
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
        "you want|need|would_like * this|it|them * resolved|fixed|sorted|done|back|refunded|replaced|today|now|before|by",
        "you just want",
        "urgent for you",
        "you do not want to",
        "you need * access|it|this|them|the",
        "plans depend",
    ]
);

lexicon!(
    understand_ask,
    [
        "what would you like",
        "what would|could|will * make|put|set * this|things|it|that * right|straight",
        "what would be * fair|ideal|best|helpful",
        "what outcome|result",
        "how would you like",
        "what are you hoping|expecting|looking_for",
        "what matters most",
        "what do you need",
        "what would you prefer",
        "what is most important",
        "how important|urgent",
        "what would * work|be|make|help|suit * better|best|acceptable|happy|you|right",
        "what would be an? acceptable|reasonable|fair|good * solution|outcome|resolution",
        "how can|could we * make * this|it|things * better|right",
        "what did you expect",
        "what is the expected",
        "what * matters|mattered * most|now",
        "which part matters",
        "when do you need",
        "by when|what_date|which_date",
        "what is the quickest way",
        "what were you trying|hoping|expecting",
        "what * did|do * you have in mind",
        "which would you prefer",
        "what can i do",
        "is this what you are asking",
        "what is the occasion",
    ]
);

lexicon!(respect, [
    "you are absolutely|completely|quite|totally|entirely? right",
    "that is a * fair|valid|good|great|reasonable|excellent * point|question|concern|request",
    "fair|good|valid|great point",
    "i see your_point|why_you|where_you|what_you_mean",
    "i can see why|your_point|where_you",
    "i understand your point|position|view|perspective|reasons",
    "thank|thanks you? for bringing|letting|explaining|telling|pointing|raising|flagging|waiting|bearing|holding|your",
    "you have every right",
    "you rightly|correctly * said|say|pointed|noted|mentioned|spotted|guessed",
    "as you * said|say|mentioned|pointed_out|noted|suspected",
    "i will go with yours|your_version|your_account|your_time|what_you",
    "take your word",
    "i respect",
    "your feedback|concern|view * matters|is_important|is_valid",
    "fair enough",
    "i value",
    "you are right to",
    "point taken",
    "completely fair|valid|reasonable",
        "that is a * fair|reasonable|valid|natural|understandable * thing|reaction|question|point|response",
        "it is|that_is * perfectly|completely|totally|entirely|very? * understandable|normal|natural|reasonable|fair|valid",
        "i|anyone * would feel the same",
        "i would * feel|be * the_same|upset|frustrated|angry|annoyed * too|if",
        "if i were in your * situation|shoes|position",
        "you have the|every right",
        "thank|thanks * you? * for * being|taking_the_time|notifying|clarifying|sharing|your_feedback|your_honest|the_feedback|pointing|bringing",
        "we|i * really? appreciate * your|this|the * feedback|honesty|input|point|perspective|candour|candor",
        "great|excellent|good question",
        "it is great you",
        "i can|i * understand|see * why",
        "not the * quality|standard|service|level * we",
        "taking your concerns seriously",
        "your concerns are * valid|completely_valid",
        "completely valid",
]);

lexicon!(politeness, ["please", "thank|thanks", "appreciate~"]);

lexicon!(
    empowered,
    [
        "i will|can|have * ACT",
        "i am going to * ACT",
        "i am now|currently|just? ACT",
        "i|we am|are * now|currently|just? * processing|refunding|crediting|replacing|rebooking|sending|arranging|booking|cancelling|reversing|fixing|resetting|chasing|escalating|updating|issuing|dispatching|organising|organizing",
        "i_will|let_me|i_am_going_to * ring|call|phone|contact|chase|email * the|your|our * depot|courier|warehouse|supplier|bank|airline|hotel|store|carrier|engineer|manufacturer|kitchen|driver|team",
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
        "let|allow me * ACT",
        "i can * certainly|definitely|absolutely? * do|arrange|offer|give|put|take|get|have|book|send",
        "i will take ownership|this_on|care",
        "i am going to take ownership",
        "here is what * i|we * can|will * do",
        "we can offer",
        "i can only offer",
        "we|i have rebooked|refunded|credited|replaced|waived|approved|reissued|reset|booked",
        "i have taken ** off",
        "i am making an exception",
        "i have * overturn~|rebill~|mov~|reship~|reroute~|phoned|called|opened|raised|pushed|knocked|tracked",
        "i will not send you off|bounce_you",
        "i will go with yours",
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
        "you clearly did|have|are|were",
        "you are not listening",
        "that is not what i said",
        "i already told|explained|said",
        "as i * said|explained|told",
        "we did nothing wrong",
        "there is|was nothing wrong with",
        "you were told|informed|warned|notified",
        "you agreed to",
        "that is not how * works",
        "that is not accurate|right|correct|the_case",
        "are you sure",
        "who told you",
        "we do not make mistakes",
        "we have never had a complaint",
        "it is not|was_not # it is",
        "it|that is|was not * it is|was",
        "as previously|already|i_have_already|i_previously * mentioned|advised|stated|explained|said",
        "as i * advised|mentioned|stated",
        "we have not|never * had * any|a_single|other * complaints|complaint|problems|issues",
        "my employee|colleague|agent|team did_not|did_nothing|is_not|was_not",
        "as far as i can tell * did not|nothing",
        "i have a hard time believing",
        "looks fine|clean|okay|ok to me",
        "why is this|that a problem",
        "you said|told|claimed * you",
        "that proves|does_not_prove",
        "that is|that_isn't * not * what i see|how_it_happened|what_happened|true|right|the_case",
        "is not|isn't how it happened",
        "definitely * delivered|sent|arrived|received|there|signed",
        "i have a photo|proof|record|recording",
        "actually * our|the|we|i|you * was|were|did|sent|delivered|arrived|called|had",
        "simply not true",
        "our records show",
        "our log|records|system * shows|says",
        // Defending oneself instead of the customer's problem.
        "i am|was only|just|simply * trying_to_help|trying_to_explain|doing_my_job|notifying_you|telling_you|explaining|pointing_out|stating|following",
        "we pride ourselves",
        "we take * pride in",
        // Doubting what they say.
        "i doubt",
        "i find * that|it|this * hard|difficult to believe",
        "hard|difficult to believe",
        // A question that debates rather than asks.
        "do|does|did|would|will not you|they * realise|realize|know|see|think|understand|agree|remember",
        "how am_i|are_we|is_anyone|was_i|were_we * supposed to",
        // Making the problem small.
        "was|is|were|been * minimal|negligible|trivial|not_a_big_deal|not_that_bad|not_that_long|not_that_serious",
        "not * a big deal",
        "that is not what you * said|told|wrote|asked",
        "i do not think * that|it * is|was * accurate|right|true|correct|fair|what_happened",
        "that is * just|only? * your opinion|view|version",
        "you are|you_were * overreact~|exaggerat~|blowing",
    ]
);

lexicon!(flag_blame, [
    "you should have|should_not_have",
    "you * made|have_made|make * a|an * terrible|big|simple? * mistake|error",
    "you * probably|clearly|obviously|must_have|may_have|just? * misunderstood|misread|misheard|misremembered|mixed_up|overlooked|misunderstand",
    "it was|is up to you",
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
        "you are|were * late|too_late|confused",
        "you did not|didn't * have|call|pay|read|check|follow|send|tell|give|use|return|keep|cancel|bring|save|notice|ask",
        "you did * use|request|ask|have|sign|agree|click",
        "why did|didn't you",
        "why did you not",
        "you should not have",
        "did you * even|not|actually * read|check|follow|try|look",
        "did you follow|read|check * the|our|my * instructions|label|email|terms|guide|manual",
        "you entered|typed|gave|chose|selected|picked|ordered|booked * the? wrong",
        "the wrong * you",
        "next time * read|check|make_sure|remember|try|be|pay|call|do",
        "you are doing it wrong",
        "on your part",
        "your card|payment * was|got * declined|rejected|bounced",
        "you had the|a|your",
        "you were the one",
        "it was actually you",
        "you made a mistake|an_error",
        "you must have",
        "you might want to * next_time",
        "clearly states|stated|says",
        "you are aware",
        "you know you",
        "you requested|asked|chose * so",
        "if you adopt",
        "you could have",
        "why * did|would * you",
        "why did not you|why_didn't_you",
        "was not|wasn't * it you",
        "you did * read|check|sign|agree|see * ** right",
        "if the * had been|had_not_been",
        "had you * called|read|checked|cancelled|told|asked|contacted|kept|done|booked|ticked|updated|followed|waited|returned",
        "if you had|would|'d * cancelled|called|booked|ticked|told|asked|contacted|returned|kept|updated|waited|done",
        "you picked|chose|selected|ordered|booked|bought|entered|typed|set * ** instead|wrong|incorrect",
        "most * customers|people * remember|manage|know|read|check|realise|realize|understand",
        "this is exactly why we",
        "we always tell * people|customers",
        "when customers * do_not|don't|never|fail",
        "customers do not read|check|follow",
]);

lexicon!(flag_insult, [
    "you are|sound|seem|being * stupid|idiot~|dumb|moron~|pathetic|clueless|ridiculous|incompetent|hysterical|crazy|insane|childish|unreasonable|rude|difficult|a_joke|annoying|overreacting|dramatic",
    "idiot~|moron~|imbecile~",
    "shut up",
    "grow up",
    "most|other|normal people|customers * manage|figure_it|work_it|can_do|can_figure|can_work",
    "everyone|everybody else * manages|figures|can_do|can_figure|can_work",
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
        "as i * already? said|told|explained|mentioned|advised|stated",
        "as * previously|already|stated|mentioned|explained",
        "i told you",
        "you never|have_not * listen|pay_attention|understand",
        "i guess|suppose you * did not|do_not|never|have_not",
        "it says|states|is * so? right there|clearly|in_black_and_white|plainly",
        "clearly * stated|posted|written|marked|says|states",
        "you should know|realise|realize|understand * that|by_now|better",
        "let me know you are with me",
        "i will help you understand",
        "we have established",
        "you do not remember",
        "surely you",
        "like i * said|told",
        "i already told|said|explained",
        "i have * just? told|explained|said * you",
        "what part of",
        "you are just confused",
        "most people know",
        "look buddy|mate|pal",
        "you are lucky",
        "deal with it",
        "take your business elsewhere",
        "can you even|afford",
        "do not you know",
        "i refuse",
        "f~off|nucking|jacka~",
        "i am detecting",
        "obviously you|the|it",
        "poor planning",
        "what do you want me to do",
        "i do not know what you want",
        "how many times",
        "have you tried * actually|you_know",
        "not rocket science",
        "explain * this|it * really? slowly",
        "small words",
        "sweetheart|sweetie|honey|darling",
        "oh great|brilliant|wonderful|perfect|fantastic",
        "what a tragedy",
        "congratulations you",
        "read minds|read_your_mind",
        "i will just magic",
        "soooo|sooo|sooooo",
        "another one who",
        "because i am not explaining|repeating",
        "if you can not even",
        // Doubting they are capable of the obvious.
        "anyone|anybody|any_adult|a_child|a_five_year_old|a_toddler * could|can|would * have? * worked|figured|done|managed|understood|read|seen|known|followed|sorted",
        "do|can|could you * even * see|hear|understand|know|follow|remember|tell",
        "can|could you not * read|understand|follow|hear",
        "english your first|native",
        "do you * speak|understand english",
        "maybe|perhaps * try|read|listen|check * ** this time",
        "try reading|listening",
        "say|repeat|spell * it|this|that|them? * slowly|slower|more_slowly",
        "so you can keep up",
        "try to keep up",
        "keep up",
        "common sense",
        "are you * even|actually? * listening",
        "any simpler|clearer|easier * for you",
        "it|this|that is * really|honestly? * not * that|so|very|exactly * complicated|complex|difficult|hard|tricky",
        "a child|kid|anyone|anybody * could * do|set|work|figure|manage|understand",
        "i have * already|now? * explained|told_you|said * this|that|it? * twice|# times|three_times|several_times|before|again",
        "did you * even",
        // Dismissing them.
        "i do not have time for this|that|you|people",
        "whatever you say|want|like|think",
        "good luck with that",
        "if you say so",
        "suit yourself",
]);

lexicon!(flag_calm_down, [
    "calm down",
    "relax",
    "settle down",
    "chill out?",
    "take it easy",
    "take a deep breath",
    "breathe",
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
        "our|the|company * policy * is|says|states|requires|only|does",
        "based on|due_to|because_of * our|the|company * policy",
        "policy is only",
        "against * policy",
        "explain our policy",
        "it is part of the process",
        "does not meet * criteria|requirements",
        "not qualify|eligible",
        "read the policy|terms",
        "no refunds|returns|exchanges",
        "we do not give|offer|accept|do * refunds|returns|exchanges|cash",
        "we have always done it",
        "it is laid out|stated|written|in_the * documentation|terms|contract|agreement",
        "as * stated|states|says * on|in * the|our * sign|terms|contract|policy",
        "no special circumstances|exceptions",
        "we can not * take|accept|give * from|to|without|unless",
        "refunds are only",
        "only issued for|when|if",
        // The rule, whatever it is called, as the reason for no.
        "our|the|your * terms|conditions|guidelines|rules|procedures|procedure|policy|policies|contract|agreement|protocol * ** not|only * allow|allows|permit|permits|let|lets|cover|covers",
        "our|the * terms|conditions|guidelines|rules|procedures|protocol * say|says|state|states|require|requires",
        "i|we have_to|must|need_to * follow * the|our? * procedure|process|rules|guidelines|protocol|terms",
        "those|these are * the * terms|conditions|guidelines|procedure",
        "that is * the * procedure|process|protocol",
        "not permitted|allowed under|by",
        "under the|our|your * ** agreement|contract|terms|guidelines|rules",
        "i am|we_are * just|only|simply? * following * the|our? * procedure|protocol|policy|rules|process",
        "it|that is * just|simply? * policy|procedure|protocol",
        "that is how|the_way we do|handle * things|it|this",
        "does|do|will not * permit|allow|make * exceptions|exception",
        "bend|break * the|our|any? * rules",
        "says so in * the|our * policy|terms|rules",
    ]
);

lexicon!(
    flag_not_my_job,
    [
        "not my job|department|problem|responsibility|area|call|decision|concern|team",
        "we|i do not|can_not * deal_with|handle|cover|touch * that|those|this|it",
        "what do you want me to do",
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
        "not my|our fault|problem|responsibility|issue",
        "not going to make it right",
        "i am not authori~|allowed|permitted",
        "i can not fix|change|do|help * that|this|it",
        "the manufacturer|supplier|bank|airline|hotel|carrier responsibility",
        "we are just|only * the|a",
        "we do not work|deal * directly",
        "i have no way of",
        "you have called the wrong",
        "out of our hands",
        "i can not|i_cannot do anything|help",
        "there is not|isn't anything * i|we can do",
        "there is nothing * i|we can do",
        "no responsibility",
        "not a service * we|the",
        "my supervisor|manager would * just? tell|say * the same",
        "i do not have access",
        "we are a third party",
        // Naming whose job it is instead.
        "that|this|it is * matter|question|issue for * the|your|our|a * ** team|department|desk|bank|manufacturer|company|insurer|provider|courier|carrier|office|supplier|landlord|council|retailer|seller|store",
        "take that|it|this up with",
        "between you and",
        "handled|dealt_with|managed|covered|looked_after|done by * a|another|the|our * different|other|separate|another * department|team|company|office|desk|people",
        "i|we only deal_with|handle|do|cover|look_after|work_on|take_care_of",
        "i am just|only * a|the * receptionist|cashier|assistant|temp|operator|trainee|clerk|messenger|front_desk|call_centre|call_center",
        "up to the|your * ** to sort|fix|decide|deal|handle|resolve|refund|replace|arrange|investigate|pay|compensate",
        "i|we do not have the|any * authority|power|permission|clearance",
        "outside|beyond what i|we * handle|do|cover|deal_with",
        "we|i are|am not responsible|liable|accountable for",
        // The agent's own scope, drawn to leave the problem out of it.
        "i|we do not * handle|cover|deal_with|look_after|work_on|process|manage * billing|refunds|returns|repairs|complaints|claims|that_side|those|that|this|it",
        "i am|we_are only|just * in_charge_of|responsible_for|dealing_with|handling",
        "there is|there_is_not * not|little|not_a_lot|not_much * much? * i|we * can do",
        "not the right person|people|department|team|place",
        "not my place to",
        "not in a position to * help|do|say|change|refund|deal",
        "ask|try * someone|somebody * else",
        "i would not|wouldn't * know * anything|about",
        "not on me|us",
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
        "i am afraid",
        "no",
        "we|i|you will not",
        "you will have to wait",
        "call me back later",
        "we close|are_closing",
        "run out|ran_out|sold out|fully booked",
        "not accepted",
        "only do|let|give",
        "not going to happen",
        "we do not",
        "does not allow|qualify",
        "not allowing",
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
    "try emailing|phoning|messaging|writing_to|reaching_out",
    "contact|call|ring|phone|email * the|your * ** manufacturer|retailer|seller|bank|courier|carrier|front_desk|desk|insurer|provider|store|shop|office * directly|instead|yourself",
        "please hold * next available|for_an_agent|for_someone",
        "you will have to go|call|visit * to|our|the|back",
        "you can call one",
        "i would try",
        "let me transfer|connect * you * to|with * someone|our|the|another * team|department|agent|person|expertise",
        "transfer you * voicemail|voice_mail",
        "hold while i transfer",
        "check the * website|map|faq|help_centre|help_center",
        "have you checked * website|map|faq",
        "go to our website|site",
        "you need to speak to",
        "something you need to speak|talk|ask",
        "yes i can transfer you",
        "let me get someone",
        "please email|call|ring|phone|contact * ** and|who * they|them|she|he * will|can",
        "passing|pass|pop|popping|put|putting * you * on|over|through",
        "next available * agent|person|advisor|adviser|colleague",
        "the number for * ** is",
        "their * direct? * line|number * is",
        "press # when",
        "to the right team|department|person",
        "to someone who can help",
        "will help you",
        "can sort that|help_with_that|deal_with_that",
        "please call|ring|phone|contact|email * billing|the|our|them|support",
]);

lexicon!(
    /// Handing the customer to someone else, warm or cold.
    transfer,
    [
        "i will|can|shall|am_going_to * transfer|connect|patch|conference|loop * you|them|in|through|over",
        "put|pass|pop|get|hand|putting|passing|popping|handing * you * through|over|across|on_to|onto",
        "let me * transfer|connect|put_you_through|patch|conference|bring_in|loop_in|get_you_over|pass_you|pop_you",
        "i am transferring|connecting|putting|passing",
        "transferring|connecting you",
        "passing|popping you * on|over",
        "pass|hand|send|move|put|passing|handing|sending you * to * someone|somebody|another|a_colleague|a_manager|my_manager|my_supervisor|a_supervisor",
    ]
);

lexicon!(
    /// Who will take over: a named team, desk or colleague.
    transfer_who,
    [
        "to * our|the|my|a * ** team|department|desk|colleague|manager|supervisor|specialist|specialists|lead|expert",
        "with * our|the|my * ** team|department|desk|colleague|manager|supervisor|specialist",
    ]
);

lexicon!(
    /// Why they are the right person.
    transfer_why,
    [
        "who|they|she|he * can|will|is_able|are_able",
        "so * they|she|he * can",
        "because * they|she|he",
        "to * reverse|sort|fix|approve|authori~|look_at|review|refund|deal_with|handle|arrange|rebook",
    ]
);

lexicon!(
    /// The agent briefs them and stays until they answer.
    transfer_care,
    [
        "i have|i_will * told|explained|briefed|passed|filled|given|updated * them|her|him|in|on",
        "not need|have_to * to? * repeat",
        "so you do not have to",
        "stay on the line|with_you",
        "stay * until",
        "until * they|she|he * pick|picks|answer|answers|join|joins|come|comes",
        "in case * cut|disconnected|drops|dropped",
        "if we get cut|disconnected",
        "introduce you",
    ]
);

lexicon!(flag_excuse, [
    "when|once i am * not * so|too? * busy",
    "i am|i_was * new|only_new|still_new",
    "until|unless the * system|computer|software|network * lets|allows|is|comes",
    "we are|were|have_been|it_is|it_was * short_staffed|short_handed|understaffed|swamped|slammed|flat_out|overwhelmed|overloaded",
    "we are|were|have_been|i_am|i_was|it_is|it_was * really|so|very|exceedingly|extremely|incredibly|quite? busy",
    "it has been|has_been * crazy|insanely|really|so|very|mad|manic|hectic? * busy|hectic|manic|chaotic",
    "busy today|right_now|at_the_moment|this_time|time_of_year|season|one|week|day",
    "a|the busy * day|week|time|season",
    "a difficult|hard|rough|crazy week|day|time * for us",
    "too many|lots_of|a_lot_of * orders|calls|customers|requests",
    "high volume|volumes",
    "the phones are * busy|ringing",
    "my|the|our computer|system|systems|register|till|website|app|software|server|network|tool|tools|screen * is|was|are|were|has_been|keeps|will_not|does_not|can_not|did_not|lost|not * slow|down|updating|crash~|broken|glitch~|playing_up|acting_up|lost|not_working|not_reflecting|allow|let|up_to_date|perfect",
    "the computer|system lost",
    "glitch~ in our|the system",
    "system error|issue|problem|glitch|outage",
    "i am|she_is|he_is|they_are|we_are new|new_here",
    "still getting used to|learning",
    "learning difficulties",
    "our|the|my|that * shipping|warehouse|kitchen|billing|it|tech|other|production|delivery|dispatch? people|staff|team|department|guys|colleague|colleagues|driver|drivers|courier|carrier|wholesaler|supplier|manufacturer|partner|contractor|housekeeping|hostess|waiter|chef|doctors|technician|lab * messed|made|screwed|lost|forgot|delayed|did_not|failed|never|dropped|broke|missed|has_made|have_made|should_have|do_not_know|are_slow|get_caught|have_been_having",
    "housekeeping|the_kitchen|the_warehouse|the_carrier|the_courier|the_wholesaler|the_supplier|the_manufacturer|the_lab|the_hotel|the_airline|the_bank has|have? made|messed|lost|delayed|did_not|failed|never",
    "they do not know what they are doing",
    "they have been having problems",
    "that|the department|team * never|does_not|do_not * answer~|respond~|reply|call",
    "it is impossible to find good",
    "not up to date",
    "websites|systems|computers are not perfect",
    "no website|system|computer is perfect",
    "got stuck in our",
    "due to * backlog|migration|staff|staffing|shortage|volume|the_season",
    "in our processing queue",
    "because of * the|an * convention|season|holiday|rush|backlog|shortage|incident",
    "the plumbing|building|equipment is",
    "we do not have the correct information in the system",
    "in a meeting|on_a_call|on_another_call|engaged",
    "we are in administration",
        "the hotel|airline|bank|carrier|courier|supplier|manufacturer|warehouse|driver|partner|contractor|clinic|surgery|pharmacy|gp * is? * mistake|fault|call|problem|responsibility|error",
        "not ours|not_us|not_our_fault",
        "nothing to do with * me|us",
        "we are only|just * the",
        "your bank declined",
        "ask the surgery|bank|airline|hotel|courier|carrier|manufacturer|supplier",
        "head office",
        "nobody here|no_one_here",
        "everyone is off",
        "the new starter|new_guy|new_girl|new_person",
        "billing|accounts|dispatch|the_warehouse|it|tech|support never|does_not|do_not * reply|replies|answer|answers|respond|responds|get_back|tell|tells|update|updates|inform|informs|call|calls",
        "it pushed|changed",
        "if the system let|would_let",
]);

lexicon!(
    /// What makes an offer a remedy rather than a sale.
    free_remedy,
    [
        "free|complimentary|no_charge|no_extra_charge|on_us|on_the_house",
        "at no * cost|charge",
        "at your current price",
        "no cost",
    ]
);

lexicon!(
    /// Paraphrase and agreement after a contradiction: "That's not right.
    /// You should never have been charged twice."
    agreement,
    [
        "you should never have",
        "you should not have been",
        "you have not done anything wrong",
        "you did nothing wrong",
        "you are * right|not_being_difficult",
        "that should not have happened",
        "it is a * perfectly? * fair thing",
        "i will go with yours|your_version|your_account|your_time|what_you",
        "take your word",
        "you were there",
    ]
);

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
        "i am going to have to end|close|disconnect",
        "release the call",
        "going to close our|this * chat|call",
        "have to end * call|it|chat",
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
        "we have a promotion|deal|offer",
        "at an additional cost",
        "exciting opportunit~",
        "what about * half_price|free|hd|premium|our",
        "would you like|want * to? upgrade|add|sign",
        "sign you up",
        "most popular",
        "offer you other|another|our|a_new",
        "lower your rate",
        "are you sure you want to cancel",
        "take advantage of",
        "# * a|per|each * month|year|week",
        "only|just * # * more|extra|a|per",
        "0% finance",
        "handset deals",
        "our * travel|premier|premium|pro|plus|gold|security|protection|care|home|emergency * add_on|account|plan|cover|suite|package|deal|membership",
        "go premium",
        "you could open|get|add|try",
        "shall i start * application|the_application",
        "interested",
        "you might want to look at",
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
        "sorry you are|were feeling",
        "if i did something wrong * sorry",
        "it is unfortunate that",
        "sorry if * did_something|i_did|we_did",
        "regret to inform",
        "apologies|sorry that|if? you * chose|picked|ordered|decided|selected|did|forgot|did_not",
        "inconvenience you may|might * feel|think",
        "you may feel you",
        "sorry * that is|it_is * just * how|the_way",
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
fn all_lists() -> [&'static [Pattern]; 51] {
    [
        free_remedy(),
        agreement(),
        not_clarifying(),
        greeting(),
        introduction(),
        listen_stems(),
        listen_invite(),
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
        transfer(),
        transfer_who(),
        transfer_why(),
        transfer_care(),
        flag_hang_up(),
        flag_sales(),
        flag_non_apology(),
        flag_liability(),
        flag_excuse(),
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

/// Real English words close enough to a lexicon word that typo repair would
/// otherwise rewrite them ("locked" is not a typo of "looked"). Generated by
/// `scripts/gen-real-words` from the word-list package (MIT).
const REAL_WORDS: &str = include_str!("real_words.txt");

/// People by role (WordNet's noun.person; see scripts/roles.mjs), less the
/// customer's own side.
const ROLES: &str = include_str!("roles.txt");

/// True for a noun naming a person by role ("manager", "contractor",
/// "receptionist"), singular or plural.
pub fn is_role(w: &str) -> bool {
    static CELL: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let set = CELL.get_or_init(|| ROLES.lines().collect());
    set.contains(w) || w.strip_suffix('s').is_some_and(|s| set.contains(s))
}

/// True for a real English word that typo repair must leave alone.
pub fn is_real_word(w: &str) -> bool {
    static CELL: OnceLock<FastSet<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| REAL_WORDS.lines().collect())
        .contains(w)
}

/// True for words typo repair never produces: negators and the verbs of a
/// fix, whose meaning a wrong guess would flip ("charged" -> "changed").
pub fn is_protected_target(w: &str) -> bool {
    NEGATORS.contains(&w)
        || act_words().0.contains(&w)
        || act_words().1.iter().any(|s| crate::text::has_prefix(w, s))
}

/// The single words of [`ACT`]: whole words, and stems (written with `~`).
fn act_words() -> &'static (Vec<&'static str>, Vec<&'static str>) {
    static WORDS: OnceLock<(Vec<&'static str>, Vec<&'static str>)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut exact = Vec::new();
        let mut stems = Vec::new();
        for a in ACT.split('|').filter(|a| !a.contains('_')) {
            match a.strip_suffix('~') {
                Some(stem) => stems.push(stem),
                None => exact.push(a),
            }
        }
        (exact, stems)
    })
}

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
