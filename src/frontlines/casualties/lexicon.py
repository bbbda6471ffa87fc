"""Casualty words: verbs and phrases that say people were killed, hurt, captured or went missing (data only).

Patterns are regex fragments (case-insensitive, matched on word boundaries) compiled once by
:mod:`frontlines.casualties.patterns`. Each group says where the phrase sits relative to the victims:

- ``AFTER_*``: after the victims ("three militants were killed", "two others sustained injuries");
- ``BEFORE_*``: before the victims ("killing three militants", "claimed the lives of 12 people").
"""

from __future__ import annotations

from frontlines.model import CasualtyKind

# Words allowed between the victims and a verb after them: auxiliaries, adverbs, "who", appositions are skipped
# separately. "were", "have been", "got", "also", "reportedly", "later"...
AUXILIARIES = (
    r"(?:were|was|are|is|have|has|had|been|being|be|got|get|gets|have been|has been|had been|were being|was being"
    r"|reportedly|allegedly|also|later|all|both|each|subsequently|eventually|finally|then|now|today|yesterday"
    r"|tonight|instantly|immediately|still|apparently|possibly|feared|believed|said|to|have been|\w+ly"
    r"|on (?-i:[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+)(?: night| morning| evening| afternoon)?(?: \(?today\)?)?)"
)

# Violence before the fatal or injuring verb: "was attacked with sharp objects and killed", "injured and later died".
CHAINED = (
    r"attacked|shot|stabbed|injured|wounded|abducted|kidnapped|beaten|assaulted|tortured|hacked|dragged|taken"
    r"|picked up|shot at|fired at|hit|dragged out|whisked away"
)

# A toll restated for the whole incident, often later ("the death toll rose to 54", "raising the toll from the
# attack to four"): it stands for all deaths of the incident, not for more of them.
TOLL_UPDATE = (
    r"(?:death )?toll(?: (?:from|of|in) [^,.;]{1,60}?)? (?:(?:has|had|have|later|subsequently|now|then|since) )*"
    r"(?:rose|risen|climbed|gone up|went up|reached|stood|stands|increased|jumped|mounted|rising|climbing) (?:to|at)"
    r"|(?:raising|taking|bringing|pushing|rising|climbing) the (?:death )?(?:toll|count"
    r"|number of (?:\w+ ){0,2}?(?:killed|dead|deaths|fatalities|casualties))(?: (?:from|of|in) [^,.;]{1,60}?)? to"
)

# After the victims, with an auxiliary ("were killed") or in a headline without one ("3 killed").
AFTER_PASSIVE: dict[CasualtyKind, tuple[str, ...]] = {
    CasualtyKind.KILLED: (
        # killed outright, with the manner
        r"killed",
        r"shot (?:dead|to death)",
        r"gunned down",
        r"(?:stabbed|hacked|beaten|bludgeoned|lynched|stoned|burnt|burned|tortured|strangled|crushed) to death",
        r"burnt alive|burned alive|buried alive",
        r"murdered|slain|slaughtered|massacred|assassinated|executed|beheaded|lynched|martyred",
        r"eliminated|neutrali[sz]ed",
        r"found dead|confirmed dead|declared dead|pronounced dead|dead",
        r"the only (?:fatality|death|casualty|one killed|person killed|one to die|person to die)",
    ),
    CasualtyKind.WOUNDED: (
        r"injured|wounded|hurt|maimed",
        r"(?:critically|seriously|severely|grievously|badly|slightly) (?:injured|wounded|hurt)",
        r"hospitali[sz]ed",
    ),
    CasualtyKind.CAPTURED: (
        r"arrested|detained|abducted|kidnapped|captured|apprehended|nabbed|held hostage|taken hostage"
        r"|taken prisoner|taken captive|held captive|picked up|rounded up|taken into custody",
    ),
    CasualtyKind.MISSING: (r"missing|unaccounted for",),
}

# After the victims, no auxiliary: intransitive verbs and verb phrases whose subject is the victim.
AFTER_ACTIVE: dict[CasualtyKind, tuple[str, ...]] = {
    CasualtyKind.KILLED: (
        # dying
        r"died|die|dies|perished|succumbed|passed away|drowned",
        r"lost (?:their|his|her) li(?:fe|ves)|laid down (?:their|his|her) li(?:fe|ves)",
        # attackers dying with their bomb
        r"blew (?:himself|herself|themselves|them|themself) up",
        # dying as a "martyr" in South Asian and Middle Eastern reporting
        r"(?:embraced|attained|achieved|received) (?:shahadat|shahadah|martyrdom)",
    ),
    CasualtyKind.WOUNDED: (
        # suffering injuries
        r"(?:sustained|received|suffered|got|receiving|sustaining|suffering)"
        r"(?: \w+){0,2} (?:injuries|injury|wounds|wound|burns)",
    ),
    CasualtyKind.CAPTURED: (r"surrendered to|were taken|went missing",),
    CasualtyKind.MISSING: (r"went missing|disappeared",),
}

# Before the victims: transitive verbs and nouns whose object is the victim ("killing three", "death of two").
BEFORE: dict[CasualtyKind, tuple[str, ...]] = {
    CasualtyKind.KILLED: (
        # verbs
        r"killed|killing|kills|kill",
        r"shot dead|gunned down|shooting dead|gunning down|shot and killed|shooting and killing",
        r"(?:stabbed|stabbing|hacked|hacking|beaten|beat|beating|bludgeoned|burnt|burned|burning|tortured|torturing"
        r"|strangled|strangling|stoned|stoning) to death|burnt alive|burned alive|hanged|hanging",
        r"murdered|murdering|slew|slaying|massacred|massacring|executed|executing|beheaded|beheading|lynched",
        r"assassinated|assassinating|eliminated|eliminating|neutrali[sz]ed|neutrali[sz]ing|martyred|martyring",
        # nouns and results
        r"(?:the )?(?:death|deaths|killing|killings|murder|murders|assassination|bodies|body) of",
        r"claimed the li(?:fe|ves) of|claiming the li(?:fe|ves) of|took the li(?:fe|ves) of|taking the li(?:fe|ves) of",
        TOLL_UPDATE,
        # the toll names its parts: "the dead included six civilians"
        r"(?:death toll|dead|deceased|killed|victims|fatalities) (?:included|include|includes|including)",
        r"among the (?:dead|killed|deceased|victims)",
        # "lost 50 fighters": losses of a named party
        r"lost|losing",
    ),
    CasualtyKind.WOUNDED: (
        r"injuring|injured|wounding|wounded|hurting|maiming|injures|wounds",
        r"(?:the )?(?:injury|injuries) (?:to|of)",
        r"(?:injured|wounded) (?:included|include|includes|including)|among the (?:injured|wounded)",
    ),
    CasualtyKind.CAPTURED: (
        r"arrested|arresting|detained|detaining|abducted|abducting|kidnapped|kidnapping|captured|capturing",
        r"apprehended|nabbed|took hostage|taking hostage|held hostage|holding hostage",
        r"(?:the )?(?:arrest|abduction|kidnapping|capture) of",
    ),
    CasualtyKind.MISSING: (),
}

# "left 3 dead", "leaving 12 injured": the kind is said after the victims.
LEAVING = r"(?:left|leaving|leaves|leave)"
LEAVING_RESULT: dict[CasualtyKind, str] = {
    CasualtyKind.KILLED: r"dead|killed",
    CasualtyKind.WOUNDED: r"injured|wounded|hurt",
}

# Phrases lumping deaths and injuries together: neither a death toll nor an injury count on its own.
LUMPED = (
    r"(?:killed|dead) (?:or|and|and/or) (?:injured|wounded|hurt)",
    r"(?:injured|wounded) (?:or|and) killed",
    r"casualties",
)

# Explicit zeros: "no one was hurt" (wounded 0), "no casualties" (killed 0 and wounded 0).
ZERO: dict[str, tuple[str, ...]] = {
    # nobody killed or hurt: both counts are zero
    "both": (
        r"no (?:human |civilian |other )?(?:casualty|casualties|causalities|causality)",
        r"no (?:report|reports) of (?:any )?(?:human )?(?:casualty|casualties|causalities)",
        r"without (?:any |causing any )?(?:casualty|casualties)",
        r"(?:escaped|remained|were|was|left) (?:unhurt|unharmed|unscathed)|escaped (?:un)?(?:hurt|harmed|injured) ",
        r"(?:no one|nobody|none) (?:was|were|got) (?:hurt|harmed|injured)",
        r"(?:did not|didn't|did no) (?:harm|hurt|injure) (?:anyone|anybody|any\b)",
        r"(?:escaped|had) (?:a )?narrow(?:ly)? escape|escaped narrowly",
    ),
    # no one hurt: wounded zero
    "wounded": (
        r"no (?:one|body)(?: else)? (?:was|were|got) (?:hurt|injured|wounded)",
        r"no (?:injury|injuries|one (?:was )?injured)",
        r"(?:no one|nobody|none)(?: else)? (?:was|were) (?:hurt|injured|wounded)",
    ),
    # no one killed: killed zero
    "killed": (
        r"no (?:death|deaths|fatalities|fatality|one (?:was )?killed|loss of (?:human )?li(?:fe|ves))",
        r"without (?:any |causing any )?loss of (?:human )?li(?:fe|ves)",
        r"(?:no one|nobody|none) (?:was|were) killed",
    ),
}

# Background: earlier or cumulative tolls that are not the incident reported (casualty-coding.md). A count in a
# clause with one of these is not coded.
BACKGROUND = (
    # cumulative totals
    r"since (?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+ )?(?:19|20)\d\d",
    r"since (?:(?:early|late|mid-?)\s*)?(?:january|february|march|april|june|july|august|september|october|november"
    r"|december)\b|since (?:the )?(?:war|conflict|fighting|insurgency|crisis|uprising) (?:began|started|broke out"
    r"|erupted)",
    r"since (?:the )?(?:start|beginning|outbreak)|so far (?:this|in)|this year|last year",
    r"in recent (?:weeks|months|years|days)|over the (?:years|decades?|months)|during the year|in the year",
    r"over the (?:past|last)\b(?!\s+(?:\w+\s+)?(?:hours?|days?|nights?|week)\b)",
    r"in the (?:past|last) (?:\w+ )?(?:years?|months|weeks?|decades?)",
    r"till date|to date|until now|a total of|in total|altogether|cumulative|toll (?:in|of) the (?:war|conflict)",
    r"the (?:war|conflict|insurgency|violence|fighting) (?:has|had) (?:killed|claimed)",
    # earlier incidents
    r"earlier this (?:month|year|week)|last (?:month|week)|previous(?:ly)?|in (?:[A-Z][a-z]+ )?(?:19|20)\d\d"
    r"|it may be recalled",
    r"it is to be noted|in a similar incident in|years? ago|months ago|weeks ago",
    # a dated earlier attack and its toll: "the 2016 Uri attack, in which 19 soldiers were killed"
    r"(?:19|20)\d\d\b[^.;]{0,40}?\b(?:in which|that killed|which killed|that left|which left)",
)

# The killing named only as the cause of an arrest, detention or confession: background (casualty-coding.md).
CONSEQUENCE = (
    r"confess\w*|admitted|involved in|involvement in|wanted in|accused|charged|responsible for|behind the",
    r"in connection with|for (?:his|their|her) (?:role|involvement)|were arrested|was arrested|arrested for",
    r"mastermind\w*|sentenced|convicted|trial|case (?:of|related)|avenge|revenge for|retaliation for|protest against",
    r"would kill|threat\w*|vowed|warned",
)

# Cues, right before a clause's verb, that its victims come on top of those already reported ("a bystander was
# also killed", "and also shot dead a doctor").
ADDITIVE = (r"also",)
# Conjunctions opening a clause whose victims are others than those of the clause before ("A man was killed near
# the market while another man was shot dead in his shop").
ADDITIVE_OPENERS = (r"while", r"whereas")
# ... and, after a clause with its own verb, "and" ("A policeman was killed in X and two traders were shot dead
# in Y"): added by the extractor where it holds.
ADDITIVE_AND = r"and"
# Victims named as more people: "another died in hospital", "a third person", "two more soldiers".
MORE_VICTIMS = (r"another", r"an?\s+(?:second|third|fourth|fifth|sixth)", r"\w+\s+more")

# Causes of death outside armed conflict: the "people" they kill are civilians (casualty-coding.md: "a flood that
# killed 12 -> killed_civilians 12").
NON_CONFLICT_CAUSES = (
    r"floods?|flooding|flash floods?|tsunami|earthquake|quake|landslides?|mudslides?|cyclone|hurricane|typhoon"
    r"|tornado|storms?|avalanche|lightning|heat ?wave|cold ?wave|drought|famine|cholera|epidemic|poisoning"
    r"|poisoned|toxins?|toxic|contaminated|spurious liquor|hooch|stampede|road accident|accident|crash|collision"
    r"|capsized|volcanic|eruption|building collapse",
)

# Sentences opening a separate incident: their casualties add to the others'.
NEW_INCIDENT = (
    r"in (?:yet )?another (?:incident|attack|encounter|clash|operation)",
    r"in (?:a|two) separate (?:incidents?|attacks?|encounters?)",
    r"separately|meanwhile|elsewhere|in a similar incident|in a related incident|also on \w+ \d",
)

# Word stems of which a sentence needs one to be read for casualties at all (a cheap first filter).
SENTENCE_CUES = (
    r"kill|dead|die|death|deceased|injur|wound|hurt|maim|casual|causal|fatalit|los[ts]|li(?:fe|ves)|succumb|martyr"
    r"|murder|slain|slaughter|massacre|shot|gunned|behead|lynch|execut|eliminat|neutrali|assassin|perish|drown"
    r"|stabbed|beaten|burnt|burned|bod(?:y|ies)|toll|blew|hospital|shahadat|harm|unhurt|unharmed|unscathed|escape"
    r"|arrest|abduct|kidnap|captur|detain|hostage|prisoner|captive|custody|nabbed|apprehend|picked up|rounded up"
    r"|missing|unaccounted|disappeared|surrender"
)
