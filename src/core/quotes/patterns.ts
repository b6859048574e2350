/**
 * Every word list the quote engine relies on, in one place. Each list says what a news reader
 * would call it; the engine never names a person, outlet or place.
 */
const set = (s: string): ReadonlySet<string> => new Set(s.split(' '));

/** Verbs that attribute words to a speaker ("…," she said / He warned: "…"). Present and past. */
export const SPEECH_VERBS = set(
  'say says said tell tells told add adds added warn warns warned suggest suggests suggested insist insists insisted ' +
    'declare declares declared explain explains explained note notes noted write writes wrote ask asks asked ' +
    'reply replies replied recall recalls recalled claim claims claimed state states stated argue argues argued ' +
    'acknowledge acknowledges acknowledged admit admits admitted vow vows vowed tweet tweets tweeted post posts posted ' +
    'conclude concludes concluded instruct instructs instructed announce announces announced according ' +
    'describe describes described call calls called remark remarks remarked observe observes observed urge urges urged ' +
    'concede concedes conceded caution cautions cautioned predict predicts predicted promise promises promised ' +
    'confirm confirms confirmed deny denies denied complain complains complained joke jokes joked respond responds responded ' +
    'counter counters countered stress stresses stressed emphasise emphasises emphasised emphasize emphasizes emphasized ' +
    'maintain maintains maintained testify testifies testified reiterate reiterates reiterated ' +
    'plead pleads pleaded insisting saying adding telling warning writing asking noting reads written speak speaks spoke',
);

/**
 * Speech verbs that are as often nouns ("the fish counter of a store", "a post on social media"): read as
 * nouns after a determiner (and maybe one modifier) when a preposition or punctuation follows.
 */
export const NOUN_TOO = set('counter counters post posts note notes call calls state states claim claims reply replies tweet tweets remark remarks promise promises');
/** The articles: a speaker phrase that starts with one names a role or a body, not a person. */
export const ARTICLES = set('a an the');
/** Words that open a noun phrase: a speech-verb form right after one of these is a noun. */
export const DETERMINERS = set('the a an his her its their this that our my your');
/** Prepositions that follow a noun, rarely a speech verb. */
export const NOUN_FOLLOWERS = set('of at in on for from with to by');

/** Words between a speaker and the verb that say nothing about who spoke ("she also said", "has told"). */
export const AUXILIARIES = set(
  'has have had was were is are be been also then later previously once just recently repeatedly would will could ' +
    'not never still further again today yesterday now quickly simply only even already first finally',
);

/** Function words that end a speaker phrase when walking back from the verb, and never start a name. */
export const STOPWORDS = set(
  'the a an and but or so as when while if because which who whom whose where that this these those with in on at ' +
    'for from by to of about than after before since until into over under during without within through ' +
    'it its he she they we i you his her their our my your there here what how why yet however meanwhile ' +
    'earlier speaking updating asked writing still then also once although though whether unless whereas',
);

/** Pronouns resolved to the nearest fitting person or body mentioned before. */
export const PRONOUNS: Readonly<Record<string, 'm' | 'f' | 'p' | 'n'>> = { he: 'm', she: 'f', they: 'p', it: 'n' };

/** Titles that come before a name; stripped from the display name, some tell a gender. */
export const TITLES: Readonly<Record<string, '' | 'm' | 'f'>> = Object.fromEntries([
  ...'ceo chairman chairwoman chair founder co-founder president prime minister senator sen rep representative governor gov mayor chancellor secretary chief judge justice general gen colonel col captain capt officer inspector detective sergeant sgt professor prof dr doctor king queen prince princess pope archbishop bishop rev reverend father pastor rabbi imam deputy speaker leader opposition commissioner ambassador attorney foreign home vice'
    .split(' ').map((t) => [t, ''] as const),
  ...'mr sir lord'.split(' ').map((t) => [t, 'm'] as const),
  ...'ms mrs miss lady dame'.split(' ').map((t) => [t, 'f'] as const),
]);

/**
 * A table's own keys as a Set, for "is this word a title / a pronoun". Not `word in table`: that is slow with a
 * string cut from the text (a keyed read first looks the string up in the engine's table of names), and it is
 * wrong for the keys every object inherits — "constructor" was a title and a pronoun, and gave its speaker the
 * Object function for a gender.
 */
export const keysOf = (table: object): ReadonlySet<string> => new Set(Object.keys(table));
export const TITLE_WORDS = keysOf(TITLES);
export const PRONOUN_WORDS = keysOf(PRONOUNS);

/** Last words of a capitalised name that make it a body or place, not a person. */
export const BODY_WORDS = set(
  'agency department ministry council committee court house office party police company corp inc ltd university ' +
    'institute center centre foundation association bank harbour harbor island islands beach street city state states ' +
    'union group market news times post museum hospital school college airport station commission board service ' +
    'services assembly congress senate parliament foods fund network organization organisation reserve authority ' +
    'church road river lake park square government administration magazine kingdom republic',
);

/** Generic nouns for an organisation ("the company claims", "the conservation department"): the body named nearby. */
export const ORG_NOUNS = set('company firm group agency department ministry retailer business chain airline charity organisation organization council authority');

/** Prepositions that tie an unnamed person to a place or body ("a doctor at St Mary’s", "a resident from the town"). */
export const FROM_PLACE = set('at from in with');

/** Nouns for something said or sent: "a question came from X:" hands the quote to X (often nobody named). */
export const SPEECH_NOUNS = set('question questions message statement reply response answer comment letter email warning plea');

/** Role nouns of an unnamed spokesperson for a named body ("a Downing Street spokesperson", "a Foreign Office official"). */
export const BODY_ROLES = set('spokesperson spokesman spokeswoman spokespeople official officials source sources statement');

/** Qualifiers that make a different office ("shadow foreign secretary" is not "foreign secretary"). */
export const ROLE_QUALIFIERS = set('shadow former ex deputy vice acting assistant junior');

/** A word just before the marks that makes them a title, a name or a word mentioned, not speech. */
export const NOT_SPEECH_BEFORE = set(
  'so-called dubbed titled entitled nicknamed named term word words phrase label hashtag slogan film movie ' +
    'documentary book novel song album show series play game podcast article headline column essay poem ' +
    'opera musical exhibition brand',
);

/** Words that end a name with a full stop without ending the sentence. */
export const ABBREVIATIONS = set('mr mrs ms dr st jr sr gen sen rep gov lt col sgt capt prof no vs inc co corp ltd mt ft');

/** A quote this short, with no speech verb in its sentence, reads as a scare quote. */
export const SCARE_MAX_WORDS = 3;
/** How far (in tokens) a cue may sit from the marks it attributes. Bounds the work per quote. */
export const CUE_WINDOW = 12;
/** Most words in a speaker phrase. */
export const SPEAKER_MAX_WORDS = 8;
