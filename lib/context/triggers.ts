/**
 * ConText-style trigger lists, as data. Phrases are matched on canonical token keys (so "don't",
 * "dont" and "Don't" are one trigger) and the longest phrase wins, which is how a pseudo-trigger
 * ("no longer") hides the trigger inside it ("no").
 *
 * direction: `forward` triggers govern the words after them, `backward` ones the words before.
 * reach: `clause` scopes stop at a clause boundary (comma, semicolon, line break...), `sentence`
 * scopes run to the end of the sentence (lists of warning signs after "symptoms include").
 * window: the most tokens between trigger and match.
 * endsAtFirstPerson: the scope ends at "I", "me", "my"... (someone else's story, a generic "you").
 * resolution: the trigger says a problem is over ("went away"); it negates only spans that can
 * resolve (symptoms), never a history ("had breast cancer, all sorted now" is still a cancer history).
 */
export type TriggerKind = 'negated' | 'hypothetical' | 'other-person';

export interface TriggerRule {
  kind: TriggerKind;
  direction: 'forward' | 'backward';
  reach: 'clause' | 'sentence';
  window: number;
  endsAtFirstPerson?: boolean;
  resolution?: boolean;
  phrases: string[];
}

/** What says a problem is over; also after "but it" ("numb toes, but it cleared up with physio"). */
const RESOLVED = [
  'went away', 'went away completely', 'cleared up', 'all sorted', 'sorted now', 'sorted itself out', 'all gone',
  'fully recovered', 'made a full recovery', 'recovered fully', 'been fine since', 'fine ever since', 'fine since',
  'no problems since', 'no issues since', 'never came back', "hasn't come back", 'has not come back', 'all fine now',
  'all good now', 'eased off completely',
];
// Only words for "completely over": "it settled a bit" or "it got better" leave the symptom there.
const RESOLVED_AFTER_BUT = ['went away', 'cleared up', 'resolved', 'sorted itself out', 'all sorted', 'disappeared']
  .flatMap((phrase) => ['but it', 'but that', 'but they', 'but this', 'which', 'and it', 'and then it'].map((opening) => `${opening} ${phrase}`));

export const TRIGGER_RULES: TriggerRule[] = [
  {
    kind: 'negated',
    direction: 'forward',
    reach: 'clause',
    window: 6,
    phrases: [
      'no', 'not', 'never', 'never had', 'nor', 'neither', 'without', 'denies', 'denied',
      "don't have", "don't have any", 'do not have', "haven't", 'have not', "hasn't", 'has not', "doesn't have",
      'does not have', "didn't have",
      'did not have', "haven't had", 'have not had', "haven't got", "hasn't had", 'has not had',
      "didn't", 'did not', "don't get", "haven't noticed", "didn't notice", "isn't", "wasn't", "aren't",
      'free of', 'negative for', 'no sign of', 'no history of', 'no evidence of',
      'absence of', 'ruled out', 'no more', 'used to have', 'used to get', 'no longer have',
      'no longer get', 'zero', "don't think i have", "don't think i've got", "don't think i've had", 'not got',
      'not got any',
    ],
  },
  {
    kind: 'negated',
    direction: 'backward',
    reach: 'clause',
    window: 5,
    phrases: [
      'ruled out', 'was ruled out', 'were ruled out', 'has been ruled out', 'came back negative',
      'was negative', 'were negative', 'is normal', 'are normal', 'was normal', 'were normal', 'is fine',
      'are fine', 'none', 'not anymore', 'not any more',
      // Weight lost on purpose is not a warning sign.
      'on purpose', 'intentionally', 'deliberately', 'by dieting', 'on a diet', 'from dieting', 'with the gym',
    ],
  },
  {
    kind: 'negated',
    direction: 'backward',
    reach: 'sentence',
    window: 25,
    resolution: true,
    phrases: [...RESOLVED, ...RESOLVED_AFTER_BUT],
  },
  {
    // An answer after the question: "Dr asked about numbness in my legs, there isn't any."
    kind: 'negated',
    direction: 'backward',
    reach: 'sentence',
    window: 4,
    phrases: ["there isn't any", "there wasn't any", "there aren't any", 'there is none', 'there was none', 'none at all'],
  },
  {
    // Short words that also say "over", but only about what is right before them ("the numbness has gone").
    kind: 'negated',
    direction: 'backward',
    reach: 'clause',
    window: 5,
    resolution: true,
    phrases: ['gone', 'has gone', 'have gone', 'has resolved', 'resolved', 'is better now', 'has settled', 'settled down', 'disappeared'],
  },
  {
    kind: 'hypothetical',
    direction: 'forward',
    reach: 'clause',
    window: 12,
    phrases: [
      'if', 'in case', 'in case of', 'could', 'would', 'might', 'may', 'unless', 'whether', 'what if',
      'in the event of', 'should you', 'worried about', 'worried i have', 'worried it is', 'scared of',
      'afraid of', 'fear of', 'risk of', 'rule out', 'to rule out', 'check for', 'checking for',
      'test for', 'screen for', 'could be', 'asked about', 'asking about',
      'possible', 'possibly', 'suspected', 'is it', 'could it be', 'do i have', 'have i got',
      'people with', 'patients with', 'anyone with', 'someone with', 'those with', 'more likely',
      'some people', 'many people', 'most people', 'people who', 'anyone who', 'those who', 'patients who',
      'cause', 'what causes',
      'reading about', 'read about', 'heard about', 'googling', 'googled', 'terrified of', 'scared about',
      'read that', 'i read', 'heard that', 'apparently', 'according to google',
      'ever cause', 'does it cause', 'can it cause', 'result in', 'a sign of', 'may suggest', 'may be a sign',
    ],
  },
  {
    kind: 'hypothetical',
    direction: 'forward',
    reach: 'sentence',
    window: 80,
    phrases: [
      'can cause', 'may cause', 'could cause', 'can lead to', 'may lead to', 'lead to', 'can produce',
      'producing', 'may include', 'can include', 'the following', 'symptoms like', 'signs like', 'problems like',
      'watch for', 'watch out for', 'look out for', 'keep an eye out for', 'seek medical help', 'seek urgent help',
      'seek medical advice', 'call 999', 'go to a&e if',
      'signs of', 'symptoms of', 'signs include', 'symptoms include', 'signs are', 'symptoms are',
      'symptoms to watch', 'warning signs', 'red flags', 'red flag symptoms',
      'such as', 'including', 'what are the symptoms', 'what are the signs', 'go to the emergency',
      // "Get emergency help if ...:", "Contact a doctor if ...", "Call 999 if ...": lists of what to look out for.
      // Numbers are one key: '999 if' is also '911 if' and '111 if'.
      'help if', 'doctor if', 'gp if', 'a&e if', '999 if', 'hospital if', 'emergency if',
      'immediately if', 'straight away if', 'right away if', 'urgently if', 'same day if', 'at once if', 'asap if',
      // A condition put to a generic reader usually lists several signs: "if you ever get numbness, trouble peeing".
      'if you', 'if your', 'if you ever', 'if anyone', 'if someone',
    ],
  },
  {
    // "When back pain is worse at night..." describes a case; "when I lie down" is the reader's own.
    kind: 'hypothetical',
    direction: 'forward',
    reach: 'clause',
    window: 10,
    endsAtFirstPerson: true,
    phrases: ['when', 'whenever', 'once'],
  },
  {
    // Health pages and replies speak to a generic "you": "it can make you very thirsty".
    kind: 'hypothetical',
    direction: 'forward',
    reach: 'clause',
    window: 8,
    endsAtFirstPerson: true,
    phrases: ['you', 'your', "you're", 'yourself', "you've", "you'll"],
  },
  {
    kind: 'hypothetical',
    direction: 'backward',
    reach: 'clause',
    window: 4,
    phrases: [
      'is possible', 'is a possibility', 'is suspected', 'was suspected', 'can happen', 'is rare', 'may be present',
      'is a sign of', 'is a symptom of', 'are signs of', 'are symptoms of', 'can be a sign', 'is a red flag',
      'may be a sign', 'could be a sign', 'might be a sign',
      'are red flags', 'is a warning sign', 'are warning signs',
    ],
  },
  {
    // A condition as the subject of a general statement: "Hypercalcaemia can cause thirst".
    kind: 'hypothetical',
    direction: 'backward',
    reach: 'clause',
    window: 2,
    phrases: ['can cause', 'may cause', 'can lead to', 'is more common in', 'is common in', 'is caused by', 'can be caused by', 'usually affects'],
  },
  {
    // Health pages: "Numbness in both legs, or pain that keeps getting worse, should be checked by a doctor".
    kind: 'hypothetical',
    direction: 'backward',
    reach: 'sentence',
    window: 20,
    endsAtFirstPerson: true,
    phrases: [
      'should be checked', 'should be seen', 'should be assessed', 'should be investigated', 'should be reported',
      'needs to be checked', 'need to be checked', 'needs checking', 'need checking', 'needs to be seen',
      'need to be seen', 'needs urgent', 'need urgent', 'needs investigating', 'need investigating',
      'must be checked', 'must be reported', 'warrants', 'warrant',
    ],
  },
  {
    // Advice at the end of a list of signs: "numbness in your bum or not being able to pee = go to A&E".
    kind: 'hypothetical',
    direction: 'backward',
    reach: 'sentence',
    window: 15,
    endsAtFirstPerson: true,
    phrases: [
      'go to a&e', 'go to the er', 'go to the emergency department', 'go to hospital', 'call 999', 'call an ambulance',
      'ring 999', 'get to a&e', 'get help straight away', 'get help immediately', 'seek urgent help', 'seek help urgently',
      'do not wait', "don't wait",
    ],
  },
  {
    kind: 'other-person',
    direction: 'forward',
    reach: 'sentence',
    window: 40,
    endsAtFirstPerson: true,
    phrases: [
      'he', 'she', 'his', 'her', "he's", "she's",
      ...['dad', 'father', 'mum', 'mom', 'mother', 'wife', 'husband', 'partner', 'son', 'daughter', 'brother',
        'sister', 'friend', 'best friend', 'boyfriend', 'girlfriend', 'fiance', 'fiancee', 'grandma',
        'grandmother', 'granny', 'nan', 'nana', 'grandad', 'granddad', 'grandpa', 'grandfather', 'aunt',
        'auntie', 'uncle', 'cousin', 'neighbour', 'colleague', 'coworker', 'boss', 'kid', 'child', 'parent',
        'mother in law', 'father in law', 'stepdad', 'stepmum', 'stepmom', 'patient', 'client', 'relative',
        'gran', 'grandson', 'granddaughter', 'niece', 'nephew', 'other half', 'hubby', 'mil', 'fil',
        // Pets' back legs go weak too ("our dog's back legs have gone weak"): not the reader's sign.
        'dog', 'cat', 'puppy', 'kitten', 'horse', 'pet',
      ].flatMap((person) => [`my ${person}`, `our ${person}`, `year old ${person}`]),
      // Family words without "my" ("Mum's got...", "Dad was diagnosed..."), and forum shorthand
      // (DH dear husband, DM dear mother, MIL mother-in-law...).
      'mum', 'mom', 'dad', 'mummy', 'mommy', 'daddy', 'hubby', 'gran', 'granny', 'grandma', 'grandad', 'granddad',
      'grandpa', 'nan', 'nana', 'dh', 'dw', 'dm', 'df', 'dp', 'mil', 'fil',
      'a friend', 'a friend of mine', 'a patient of mine', 'a client of mine', 'a colleague', 'a relative',
      'a family member', 'family history', 'family history of', 'someone i know', 'a woman', 'a man',
      'this patient', 'the patient', 'the vet',
    ],
  },
];

/** Words that end every scope: what follows them is a new statement. */
export const SCOPE_TERMINATORS = [
  'but', 'however', 'although', 'though', 'except', 'yet', 'whereas', 'apart from', 'aside from',
  'and now', 'until', 'otherwise', 'instead', 'because', 'since', 'as well as',
];

/** First-person words end some scopes: "my dad had cancer and I have back pain". */
export const FIRST_PERSON = ['i', "i'm", "i've", "i'd", 'me', 'my', 'myself', 'mine'];

/** Phrases that contain a trigger word but are not triggers. */
export const PSEUDO_TRIGGERS = [
  'no longer', 'not only', 'not just', 'no change', 'no doubt', 'no idea', 'no matter', 'not sure',
  'not certain', 'no better', 'no end', 'no relief', 'not relieved', 'no way', 'not even', 'no wonder',
  'nothing but', 'without doubt', 'without a doubt', 'if only', 'even if', 'as if', 'could barely',
  'could hardly', 'could only', 'would not', 'may be', 'he said', 'she said', 'he says', 'she says',
  'he thinks', 'she thinks', 'he thought', 'she thought', 'he told me', 'she told me', 'he wants',
  'she wants', 'he reckons', 'she reckons', 'he suggested', 'she suggested', 'he sent me',
  'she sent me', 'he referred me',
  // The writer describing themself: "Mum of 3 here", "as a dad".
  ...['mum', 'mom', 'dad', 'mummy', 'mommy'].flatMap((parent) => [`${parent} of`, `${parent} to`, `${parent} here`, `a ${parent}`]),
  // "The thing is it doesn't ease" states a fact; only "is it ...?" asks.
  'thing is it', 'problem is it', 'me is it', 'trouble is it', 'issue is it', 'worst part is it', 'worst thing is it', 'she referred me', 'he asked', 'she asked', 'he ordered', 'she ordered',
  'he examined', 'she examined', 'he checked', 'she checked',
];
