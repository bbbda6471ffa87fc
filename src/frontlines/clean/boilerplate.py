"""Site furniture that survives extraction: data, one group per kind of line, each group with its reason.

Patterns are lower case; ``text.py`` matches them against one lower-cased, whitespace-squashed paragraph or line.
``WHOLE_LINE`` patterns describe the whole line. ``SHORT_LINE`` and ``LEGAL`` patterns may sit anywhere in a line but
only count on short lines (``MAX_FURNITURE_WORDS``, ``MAX_LEGAL_WORDS`` in ``text.py``), so an article sentence that
merely mentions a newsletter is never dropped.
"""

from __future__ import annotations

# A word of a date or time line, and what separates such words. The separator is required between words, so a run
# of digits cannot be split two ways (which would backtrack exponentially).
_DATE_WORD = (
    r"((mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{1,4}(st|nd|rd|th)?"
    r"|[ap]\.?m\.?|gmt|utc|[ecmp][sd]t|bst|cet|cest|ist|at|on|ago|hours?|minutes?|mins?|days?|min|read)"
)
_DATE_SEP = r"[\s.,/:|()+–-]"

# Lines that are furniture on their own: navigation, buttons and labels (anchored: the whole line).
WHOLE_LINE = (
    # navigation and paging buttons
    r"^(show|load|view|see|read) (more|less|all|full (story|article))\b.{0,20}$",
    r"^(read|continue reading|keep reading|learn more|more)\s*(»|›|>|→|\.\.\.|…)?$",
    r"^(next|previous|prev|older|newer) (article|post|story|page|entry)\b.{0,80}$",
    r"^(back|go|return|scroll) to (the )?top( button)?\W*$",
    r"^(home|menu|search|skip to (main )?content|close|open|toggle navigation)$",
    # breadcrumbs: "Home » World » Middle East"
    r"^(home|news|start)\s*(»|›|>|/|\||→)\s*[^.!?]{0,80}$",
    # sharing buttons: a line made only of network names and share verbs
    r"^\W*((share|tweet|pin|email|e-mail|print|copy link|whatsapp|facebook|twitter|linkedin|reddit|telegram"
    r"|messenger|pinterest|flipboard|x|on|this|article|story|post|page|with|via|it)\b\W*){1,12}$",
    # rules, bullets and separators: lines of nothing else (an emoticon such as "=)" stays)
    r"^[\s|•·*_=~#+/\\.,:;–—-]*$",
    # advertisement labels
    r"^(advertisement|advertising|sponsored( content)?|promoted( content)?|ad|ads|paid (post|content))\W*$",
    r"^(story|article|content) continues (below|after)\b.{0,30}$",
    r"^(continue reading|scroll (down )?to continue)\b.{0,30}(below|advertisement|ad)\W*$",
    # comment widgets
    r"^(\d+\s+)?(comments?|responses?|replies)\W*$",
    r"^(view|show|hide|add|post|leave|write|load|join)( the| a| your)? (comments?|replies|discussion|conversation)\b"
    r".{0,30}$",
    r"^(leave|post|write|submit) (a|your) (reply|comment|response)\W*.{0,40}$",
    r"^(reply|report|like|likes|share this|cancel reply)$",
    # photo credit with nothing else: a caption that describes nothing
    r"^(photo|image|picture|video|credit|photo credit|image credit|source|copyright)s?\s*:?\s*\W*$",
    # page-level labels
    r"^(related|trending|popular|recommended|latest|top stories|most (read|popular|viewed|shared))\W*$",
    r"^(tags?|topics?|filed under|categor(y|ies)|posted in|sections?)\s*:.{0,120}$",
    r"^(last (modified|updated)|updated|release date|published|posted|(news |publication )?date)\s*:.{0,60}$",
    # credit lines that credit and describe nothing: "(Credit: Jane Doe / Agency)"
    r"^\(?\s*(photo |image |picture )?credits?\s*:\s*[^.]{0,60}\)?$",
    # bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters" (not "by air strikes." closing a wrapped sentence)
    r"^by\s+[\w.'’-]+(\s+[\w.'’-]+){0,3}((\s*,\s*|\s+(and|&)\s+)[\w.'’-]+(\s+[\w.'’-]+){0,3}){0,3}(?<!\.)$",
    # date and time lines: "Updated: Tue 3 March 2020, 10:45 GMT", "March 3, 2019 | 4 min read"
    rf"^(?=.*\d)((last )?(updated|published|posted|modified)( on| at)?\s*:?\s*)?{_DATE_WORD}({_DATE_SEP}+{_DATE_WORD})*"
    rf"{_DATE_SEP}*$",
    # contact lines and bare domain names (a source or site label)
    r"^((tel|phone|fax|mobile)\b[^a-z]{5,40}){1,3}$",
    r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|info|news|co\.[a-z]{2}|[a-z]{2})$",
)

# Phrases that mark a line as furniture when the line is short (newsletter boxes, paywalls, legal lines...).
SHORT_LINE = (
    # newsletters and subscriptions
    r"\b(sign(ing)? up|subscribe|register)\b.{0,60}\b(newsletter|bulletin|updates|alerts|inbox|digest|e-?mails?)\b",
    r"\b(newsletter|e-?mail alerts?|daily digest)\W*$",
    r"^(get|receive) (the|our) .{0,60}\b(newsletter|delivered|in your inbox|by e-?mail|free)\b",
    r"\bnever miss (a|the|an?) .{0,40}\b(news|story|stories|update|post|article)",
    r"^do you want to (be informed|stay (informed|updated)|receive)\b",
    r"^sign up (now|today|here|for free)?\W*(to|for)\b",
    # paywalls and account prompts
    r"\b(to (view|read|continue reading|access) (the|this) (full|whole|entire|rest of)\b)",
    r"\bsubscribe (now |today )?(to|for) .{0,60}\b(full story|full article|continue|unlimited|access)\b",
    r"\balready (a|an) (subscriber|member)\b",
    r"^(log ?in|sign ?in|register) (to|or) .{0,40}$",
    r"\b(first[- ]time subscribers|subscribers also receive)\b",
    # apps and social follow prompts
    r"\bdownload (the|our) .{0,50}\bapps?\b",
    r"^(follow|like|join) (us|\w+( \w+){0,4}) on (twitter|facebook|instagram|telegram|youtube|linkedin|tiktok|x)\b",
    r"^(find|connect with) us on\b",
    r"^(click|tap) here to\b",
    # copyright lines and agencies' standards lines (longer legal notices: LEGAL below)
    r"^(©|\(c\)|copyright)\s*(\d{4}|by)\b",
    r"\ball rights reserved\b",
    r"^our standards\W",
    r"\btrust principles\b",
    # offer small print
    r"\b(bonus|offer) value is an estimated\b",
    r"\bthis (post|article|content) (is|was) (sponsored|paid)\b",
    # reader-feedback and donation appeals
    r"\bwe want to hear (what you think|from you)\b",
    r"\b(submit|send) (your|a) letter to the editor\b",
    r"^if you (enjoyed|liked|found) (reading )?this\b",
    r"^(like|love|enjoy(ed)?) (this |our |the )?(recipe|article|story|post)\?",
    r"\b(support|donate to) (our|independent) (journalism|work|reporting)\b",
    r"\b(your|a) (donation|contribution) (helps|supports|keeps)\b",
    r"\bwe need your (help|support)\b",
    r"\bdonate( now| today)?\W*$",
    # advertising sales
    r"\byour (content|ad|advert|message) is delivered\b",
    r"^contact us at\b.{0,60}\b(advertis|marketing)\b",
    # comment forms
    r"\byour email address will not be published\b",
    r"\brequired fields are marked\b",
    r"\bcomments are (closed|moderated)\b",
    r"^(you must be )?logged in to (post|leave|write) a comment\b",
    r"\bsave my name, email,? and website\b",
    # ad blockers and broken browsers
    r"\b(disable|turn off|pause|whitelist|allowlist)\b.{0,30}\bad ?-?block",
    r"\bad ?-?blocker\b",
    r"\byour browser (could not|cannot|can't|does not|doesn't|is not)\b",
    r"\b(enable|turn on) javascript\b",
    # cookie and privacy banners
    r"\b(we|this (web)?site|our (web)?site) uses? cookies\b",
    r"\b(accept|manage|reject) (all )?cookies\b",
    r"^(cookie|privacy) (policy|settings|preferences|notice)\W*$",
    r"\byou agree to (our|the) (terms|privacy|cookie|use of cookies)\b",
    # teaser lists of other articles
    r"^(related|more|recommended|popular|latest|further) (articles?|posts?|stories|news|reading|content|videos?)\W*"
    r"(:.{0,120})?$",
    r"^(you (may|might) (also )?(like|enjoy|be interested in)|more from|also read|read also|see also|read next"
    r"|recommended for you|don't miss|most read|editor'?s picks)\b",
    r"^(related|read more|also read|read also|see also)\s*:",
)

# Legal and disclosure notices, which run longer than other furniture (up to ``MAX_LEGAL_WORDS`` in text.py).
LEGAL = (
    # copyright and reuse notices
    r"\bcopyrighted (property|material)\b",
    r"\b(may|must) not be (re)?(published|broadcast|rewritten|redistributed|reproduced)\b",
    r"\bwritten permission\b.{0,40}\b(reprint|reproduc|obtained|required)",
    # affiliate and advertiser disclosures
    r"\b(contains|may contain|includes?) (affiliate links|references to products)\b",
    r"\bwe (may )?(earn|receive) (a )?(small )?(commission|compensation)\b",
    r"^we recommend the best products\b",
    r"\badvertisers do not influence\b",
    # advertising sales
    r"\b(advertise|advertising) with (us|the)\b",
)

# Lines after which the article is over (comment sections, teaser lists): everything from here on is dropped when
# the marker sits in the second half of the text.
END_OF_ARTICLE = (
    r"^(leave|post|write|add) (a|your) (reply|comment|response)\b",
    r"^(\d+ )?(comments?|responses?|replies|discussion)\W*$",
    r"^(show|view|load|read) (all )?(\d+ )?comments\b",
    r"^comments are closed\b",
    r"^join the (conversation|discussion)\b",
    r"^(related|more|recommended|popular|latest) (articles|posts|stories|news|content)\W*$",
    r"^(you (may|might) (also )?like|more from|read next|recommended for you|don't miss)\W*$",
    r"^(most (read|popular|viewed|shared|commented)|trending( now)?|top stories|editor'?s picks)\W*$",
    r"^(show|load) more\W*$",
)

# A line that is a caption: it starts or ends with a credit, or says it is one (kept as CAPTION, not body).
CAPTION = (
    r"^(©|\(c\)\s|copyright\b)",
    r"^(photo|image|picture|illustration|file photo|video|graphic|source|credit|photo credit|image caption|caption)"
    r"s?\b\s*(:|-|–|—|by\b|\|)",
    r"^image caption\b",
    r"^(afp|ap|reuters|getty( images)?|epa|anadolu|xinhua|dpa|ansa|tass|sputnik)\s*(photo|/|:|–|—|-)",
    r"[(\[](photo|image|picture|file photo|credit|courtesy)\b[^)\]]{0,60}[)\]]\W*$",
    r"[(\[][^)\]]{0,40}\b(photo|image|picture|file)[)\]]\W*$",
    r"\b(photo|image|picture|credit)s?\s*:\s*[^.]{2,60}$",
    r"(©|\(c\))\s*[^.]{2,60}$",
    r"\b(afp|ap|reuters|epa|anadolu|xinhua|ap photo)\s*/\s*[^.\s][^.]{1,40}$",
    r"\b(getty images|shutterstock|alamy)( stock photo)?\W*$",
)
