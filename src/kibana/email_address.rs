//! RFC 5322 address lists, accepted exactly as the npm package `email-addresses` 5.0.0 accepts
//! them.
//!
//! Kibana decides `[from]: not valid emails: <addr>` with `parseAddressList(address)` from that
//! package: a `null` result (or an exception) means invalid. [`parse_address_list`] answers the
//! same question without building the syntax tree.
//!
//! The package is a PEG parser, not a general grammar: alternatives are tried in order and the
//! first one that matches wins, and repetitions take as much as they can and never give any back.
//! So `a@b.co,` is invalid although RFC 5322's `obs-addr-list` allows a trailing comma: the first
//! alternative of `address-list` matches `a@b.co`, and the obsolete one is never tried. Every
//! production below follows the package's order of alternatives for that reason.
//!
//! The package parses twice: first without the obsolete (`obs-*`) productions, then, if that did
//! not consume the whole input, with them. The input is valid when either pass consumes all of it.
//! `parseAddressList` also enables RFC 6532, so every non-ASCII character is allowed wherever
//! RFC 5322 allows a visible ASCII character (`atext`, `ctext`, `qtext`, `dtext`, `VCHAR`).
//! The package works on UTF-16 code units and this module on `char`s; that makes no difference,
//! because every production treats all non-ASCII code units alike.
//!
//! Cost: the grammar is not recursive except through nested comments, which are read by a loop
//! with a depth counter, so the stack depth is bounded. Every repetition advances, and the results
//! of comments and of `CFWS` that contains comments (the productions that would otherwise be read
//! again over a long stretch of input by each alternative) are remembered, so the time is linear
//! in the input with a constant factor (well under a microsecond per character natively).
//!
//! Known difference: the package recurses once per comment nesting level, so in Node.js a comment
//! nested about 2,000 levels deep overflows the stack, which Kibana reports as invalid. This module
//! has no such limit; the limit depends on the JavaScript engine and its stack size anyway.

/// Whether `email-addresses`' `parseAddressList(input)` returns a result (not `null`), that is
/// whether `input` is an RFC 5322 `address-list` as that package reads it: mailboxes
/// (`local@domain`, `Name <local@domain>`, `"Quoted Name" <local@domain>`), comments in
/// parentheses, groups (`name: a@b, c@d;`) and the obsolete forms, separated by commas.
///
/// ```text
/// a@b.co, "Dr Tom" <tom@elastic.co>   valid
/// a@b.co;c@d.co                       invalid
/// ```
pub fn parse_address_list(input: &str) -> bool {
    parse_mailboxes(input).is_some()
}

/// One mailbox of an address list as `email-addresses` gives it: a top-level mailbox, the
/// address of a `Name <local@domain>`, or a member of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    /// The local part without comments and folding white space, a quoted string's quotes and
    /// its backslashes (the package's `local`).
    pub local: String,
    /// Whether the local part was written as a quoted string (`"-foo"@example.com`).
    pub quoted_local: bool,
    /// The domain without comments and white space (the package's `domain`).
    pub domain: String,
}

/// Every mailbox of `input`, in order, when `parseAddressList(input)` returns a result.
pub fn parse_mailboxes(input: &str) -> Option<Vec<Mailbox>> {
    let chars: Vec<char> = input.chars().collect();
    if chars.is_empty() {
        return None;
    }
    // The package's two passes: the strict grammar first, then the one with `obs-*` productions.
    [true, false].into_iter().find_map(|strict| {
        let mut parser = Parser::new(&chars, strict);
        (parser.address_list(0) == Some(chars.len())).then(|| {
            parser
                .mailboxes
                .iter()
                .map(|&(start, at_sign, end)| mailbox(&chars, start, at_sign, end))
                .collect()
        })
    })
}

/// Kibana's `validateEmailAddresses` since PR #268496: the list parses and every mailbox passes
/// [`mailbox_format_ok`].
pub fn has_valid_format(input: &str) -> bool {
    parse_mailboxes(input).is_some_and(|mailboxes| mailboxes.iter().all(mailbox_format_ok))
}

/// PR #268496's check of one mailbox: a non-empty local part that, unless written as a quoted
/// string, neither starts nor ends with `-`; a domain whose labels (`domain.split('.')`) are
/// non-empty and neither start nor end with `-`. A single label (`user@localhost`) is accepted:
/// the PR keeps on-premises relays working ("Intentionally allows single-label domains") and its
/// newest test accepts it.
pub fn mailbox_format_ok(mailbox: &Mailbox) -> bool {
    let hyphen_at_edge = |text: &str| text.starts_with('-') || text.ends_with('-');
    !mailbox.local.is_empty()
        && (mailbox.quoted_local || !hyphen_at_edge(&mailbox.local))
        && mailbox
            .domain
            .split('.')
            .all(|label| !label.is_empty() && !hyphen_at_edge(label))
}

/// The mailbox of the `addr-spec` at `start..end` whose `@` is at `at_sign`.
fn mailbox(chars: &[char], start: usize, at_sign: usize, end: usize) -> Mailbox {
    let local = chars.get(start..at_sign).unwrap_or_default();
    let domain = chars.get(at_sign + 1..end).unwrap_or_default();
    let (local, quoted_local) = semantic(local);
    Mailbox {
        local,
        quoted_local,
        domain: semantic(domain).0,
    }
}

/// The text of a parsed local part or domain without its comments and white space outside
/// quoted strings and domain literals, and without the quotes and backslashes of quoted strings;
/// and whether its first token was a quoted string. The text already parsed, so every comment,
/// quoted string and literal is closed.
fn semantic(text: &[char]) -> (String, bool) {
    let mut out = String::new();
    let mut first_quoted = None;
    let mut chars = text.iter().copied();
    while let Some(ch) = chars.next() {
        match ch {
            ' ' | '\t' | '\r' | '\n' => {}
            '(' => {
                let mut depth = 1usize;
                while depth > 0 {
                    match chars.next() {
                        Some('\\') => {
                            chars.next();
                        }
                        Some('(') => depth += 1,
                        Some(')') => depth -= 1,
                        Some(_) => {}
                        None => break,
                    }
                }
            }
            '"' => {
                first_quoted.get_or_insert(true);
                while let Some(inner) = chars.next() {
                    match inner {
                        '"' => break,
                        '\\' => out.extend(chars.next()),
                        '\r' | '\n' => {}
                        other => out.push(other),
                    }
                }
            }
            '[' => {
                first_quoted.get_or_insert(false);
                out.push(ch);
                for inner in chars.by_ref() {
                    if !matches!(inner, ' ' | '\t' | '\r' | '\n') {
                        out.push(inner);
                    }
                    if inner == ']' {
                        break;
                    }
                }
            }
            other => {
                first_quoted.get_or_insert(false);
                out.push(other);
            }
        }
    }
    (out, first_quoted.unwrap_or(false))
}

/// A production's results by start position: one slot per position of the text, made on the
/// first result (most addresses have no comment); a slot is 0 while unknown, 1 for no match and
/// `end + 2` for a match ending at `end`.
#[derive(Default)]
struct Memo(Vec<u32>);

impl Memo {
    /// `None` while unknown, else the production's result.
    #[allow(clippy::option_option)]
    fn get(&self, at: usize) -> Option<Option<usize>> {
        match self.0.get(at).copied().unwrap_or(0) {
            0 => None,
            1 => Some(None),
            slot => Some(Some(slot as usize - 2)),
        }
    }

    fn insert(&mut self, at: usize, result: Option<usize>, positions: usize) {
        let slot = match result {
            None => 1,
            Some(end) => match u32::try_from(end + 2) {
                Ok(slot) => slot,
                // Beyond 4 G characters nothing is kept: the result is computed again.
                Err(_) => return,
            },
        };
        if self.0.is_empty() {
            self.0 = vec![0; positions + 1];
        }
        if let Some(place) = self.0.get_mut(at) {
            *place = slot;
        }
    }
}

/// One pass of the parser over `text`.
///
/// Every production takes the position to start at and returns the position after what it
/// matched, or `None` when it does not match there (the PEG's `null`). Because positions are
/// values, a failed alternative needs no explicit reset.
struct Parser<'a> {
    text: &'a [char],
    /// `true` for the first pass, where every `obs-*` production fails.
    strict: bool,
    /// `comment` results by start position.
    comments: Memo,
    /// `CFWS` results by start position, for the positions where it reaches a comment. Many
    /// alternatives start with `[CFWS]` at the same place; without this, a long run of comments
    /// would be read once per alternative.
    with_comments: Memo,
    /// The `addr-spec`s of the derivation so far: (start, `@`, end). A production that fails
    /// leaves this as it found it, so after a full parse it holds exactly the parse's mailboxes.
    mailboxes: Vec<(usize, usize, usize)>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a [char], strict: bool) -> Self {
        Parser {
            text,
            strict,
            comments: Memo::default(),
            with_comments: Memo::default(),
            mailboxes: Vec::new(),
        }
    }

    /// Runs `production`; when it fails, forgets the mailboxes it recorded.
    fn attempt(
        &mut self,
        at: usize,
        production: impl FnOnce(&mut Self, usize) -> Option<usize>,
    ) -> Option<usize> {
        let mark = self.mailboxes.len();
        let result = production(self, at);
        if result.is_none() {
            self.mailboxes.truncate(mark);
        }
        result
    }

    // ---- tokens ----

    fn peek(&self, at: usize) -> Option<char> {
        self.text.get(at).copied()
    }

    /// One character that satisfies `accept`.
    fn one(&self, at: usize, accept: impl Fn(char) -> bool) -> Option<usize> {
        self.peek(at).filter(|&ch| accept(ch)).map(|_| at + 1)
    }

    fn literal(&self, at: usize, wanted: char) -> Option<usize> {
        self.one(at, |ch| ch == wanted)
    }

    /// `1*` of a character class.
    fn run(&self, at: usize, accept: impl Fn(char) -> bool) -> Option<usize> {
        let mut end = at;
        while let Some(next) = self.one(end, &accept) {
            end = next;
        }
        (end > at).then_some(end)
    }

    /// `obs-NO-WS-CTL = %d1-8 / %d11 / %d12 / %d14-31 / %d127`, only outside the strict pass.
    fn is_obs_no_ws_ctl(&self, ch: char) -> bool {
        !self.strict
            && matches!(ch, '\u{1}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}')
    }

    // ---- RFC 5234 core rules and RFC 5322 §3.2.1–3.2.2 ----

    /// `WSP = SP / HTAB`
    fn wsp(&self, at: usize) -> Option<usize> {
        self.one(at, |ch| ch == ' ' || ch == '\t')
    }

    /// `CRLF = CR LF`
    fn crlf(&self, at: usize) -> Option<usize> {
        self.literal(at, '\r')
            .and_then(|next| self.literal(next, '\n'))
    }

    /// `quoted-pair = ("\" (VCHAR / WSP)) / obs-qp`, `obs-qp = "\" (%d0 / obs-NO-WS-CTL / LF / CR)`.
    fn quoted_pair(&self, at: usize) -> Option<usize> {
        let next = self.literal(at, '\\')?;
        self.one(next, |ch| {
            is_vchar(ch)
                || ch == ' '
                || ch == '\t'
                || (!self.strict && matches!(ch, '\0' | '\n' | '\r'))
                || self.is_obs_no_ws_ctl(ch)
        })
    }

    /// `FWS = obs-FWS / ([*WSP CRLF] 1*WSP)`, in the package's order.
    fn fws(&self, at: usize) -> Option<usize> {
        if !self.strict {
            // obs-FWS = 1*([CRLF] WSP) (RFC 5322 erratum 1908)
            let mut end = at;
            while let Some(next) = self.wsp(self.crlf(end).unwrap_or(end)) {
                end = next;
            }
            if end > at {
                return Some(end);
            }
        }
        let mut start = at;
        while let Some(next) = self.wsp(start) {
            start = next;
        }
        let start = self.crlf(start).unwrap_or(at);
        self.run(start, |ch| ch == ' ' || ch == '\t')
    }

    /// `comment = "(" *([FWS] ccontent) [FWS] ")"`, `ccontent = ctext / quoted-pair / comment`.
    ///
    /// Read with a depth counter instead of recursion. That reads the same language as the
    /// package's recursive descent: a nested comment that fails leaves the enclosing one looking
    /// at `(` where it needs `)`, so the failure reaches the outermost comment either way.
    fn comment(&mut self, at: usize) -> Option<usize> {
        if self.peek(at) != Some('(') {
            return None;
        }
        if let Some(known) = self.comments.get(at) {
            return known;
        }
        let result = self.scan_comment(at);
        self.comments.insert(at, result, self.text.len());
        result
    }

    fn scan_comment(&self, at: usize) -> Option<usize> {
        let mut pos = self.literal(at, '(')?;
        let mut depth: usize = 1;
        loop {
            let content = self.fws(pos).unwrap_or(pos);
            let ch = self.peek(content)?;
            pos = if self.is_ctext(ch) {
                content + 1
            } else if let Some(next) = self.quoted_pair(content) {
                next
            } else if ch == '(' {
                depth += 1;
                content + 1
            } else if ch == ')' {
                depth -= 1;
                if depth == 0 {
                    return Some(content + 1);
                }
                content + 1
            } else {
                return None;
            };
        }
    }

    /// `ctext = %d33-39 / %d42-91 / %d93-126 / obs-ctext` (+ non-ASCII)
    fn is_ctext(&self, ch: char) -> bool {
        matches!(ch, '!'..='\'' | '*'..='[' | ']'..='~')
            || !ch.is_ascii()
            || self.is_obs_no_ws_ctl(ch)
    }

    /// `CFWS = (1*([FWS] comment) [FWS]) / FWS`
    fn cfws(&mut self, at: usize) -> Option<usize> {
        let first = self.fws(at).unwrap_or(at);
        if self.peek(first) != Some('(') {
            // No comment: the first alternative fails and the second is the FWS just read.
            return (first > at).then_some(first);
        }
        if let Some(known) = self.with_comments.get(at) {
            return known;
        }
        let mut end = at;
        while let Some(next) = self.comment(self.fws(end).unwrap_or(end)) {
            end = next;
        }
        let result = if end > at {
            Some(self.fws(end).unwrap_or(end))
        } else {
            self.fws(at)
        };
        self.with_comments.insert(at, result, self.text.len());
        result
    }

    fn opt_cfws(&mut self, at: usize) -> usize {
        self.cfws(at).unwrap_or(at)
    }

    // ---- §3.2.3–3.2.5 atoms, quoted strings, phrases ----

    /// `atom = [CFWS] 1*atext [CFWS]`
    fn atom(&mut self, at: usize) -> Option<usize> {
        let start = self.opt_cfws(at);
        let end = self.run(start, is_atext)?;
        Some(self.opt_cfws(end))
    }

    /// `dot-atom-text = 1*atext *("." 1*atext)`
    fn dot_atom_text(&self, at: usize) -> Option<usize> {
        let mut end = self.run(at, is_atext)?;
        while let Some(next) = self
            .literal(end, '.')
            .and_then(|dot| self.run(dot, is_atext))
        {
            end = next;
        }
        Some(end)
    }

    /// `dot-atom = [CFWS] dot-atom-text [CFWS]`
    fn dot_atom(&mut self, at: usize) -> Option<usize> {
        let start = self.opt_cfws(at);
        let end = self.dot_atom_text(start)?;
        Some(self.opt_cfws(end))
    }

    /// `qtext = %d33 / %d35-91 / %d93-126 / obs-qtext` (+ non-ASCII)
    fn is_qtext(&self, ch: char) -> bool {
        matches!(ch, '!' | '#'..='[' | ']'..='~') || !ch.is_ascii() || self.is_obs_no_ws_ctl(ch)
    }

    /// `quoted-string = [CFWS] DQUOTE *([FWS] qcontent) [FWS] DQUOTE [CFWS]`,
    /// `qcontent = qtext / quoted-pair`
    fn quoted_string(&mut self, at: usize) -> Option<usize> {
        let start = self.opt_cfws(at);
        let mut end = self.literal(start, '"')?;
        loop {
            let content = self.fws(end).unwrap_or(end);
            match self
                .one(content, |ch| self.is_qtext(ch))
                .or_else(|| self.quoted_pair(content))
            {
                Some(next) => end = next,
                None => break,
            }
        }
        let end = self.literal(self.fws(end).unwrap_or(end), '"')?;
        Some(self.opt_cfws(end))
    }

    /// `word = atom / quoted-string`
    fn word(&mut self, at: usize) -> Option<usize> {
        self.atom(at).or_else(|| self.quoted_string(at))
    }

    /// `phrase = obs-phrase / 1*word` (the package tries the obsolete form first).
    fn phrase(&mut self, at: usize) -> Option<usize> {
        self.obs_phrase(at).or_else(|| self.words(at))
    }

    /// `1*word`
    fn words(&mut self, at: usize) -> Option<usize> {
        let mut end = self.word(at)?;
        while let Some(next) = self.word(end) {
            end = next;
        }
        Some(end)
    }

    // ---- §3.4 addresses ----

    /// `address = mailbox / group`
    fn address(&mut self, at: usize) -> Option<usize> {
        self.mailbox(at).or_else(|| self.group(at))
    }

    /// `mailbox = name-addr / addr-spec`
    fn mailbox(&mut self, at: usize) -> Option<usize> {
        self.name_addr(at).or_else(|| self.addr_spec(at))
    }

    /// `name-addr = [display-name] angle-addr`, `display-name = phrase`
    fn name_addr(&mut self, at: usize) -> Option<usize> {
        let start = self.phrase(at).unwrap_or(at);
        self.angle_addr(start)
    }

    /// `angle-addr = [CFWS] "<" addr-spec ">" [CFWS] / obs-angle-addr`
    fn angle_addr(&mut self, at: usize) -> Option<usize> {
        self.plain_angle_addr(at)
            .or_else(|| self.obs_angle_addr(at))
    }

    fn plain_angle_addr(&mut self, at: usize) -> Option<usize> {
        self.attempt(at, |this, at| {
            let start = this.opt_cfws(at);
            let spec = this.literal(start, '<')?;
            let close = this.addr_spec(spec)?;
            let end = this.literal(close, '>')?;
            Some(this.opt_cfws(end))
        })
    }

    /// `group = display-name ":" [group-list] ";" [CFWS]`
    fn group(&mut self, at: usize) -> Option<usize> {
        self.attempt(at, |this, at| {
            let colon = this.phrase(at)?;
            let list = this.literal(colon, ':')?;
            let semicolon = this.group_list(list).unwrap_or(list);
            let end = this.literal(semicolon, ';')?;
            Some(this.opt_cfws(end))
        })
    }

    /// `mailbox-list = (mailbox *("," mailbox)) / obs-mbox-list`
    fn mailbox_list(&mut self, at: usize) -> Option<usize> {
        self.list_of(at, Self::mailbox)
            .or_else(|| self.obs_list_of(at, Self::mailbox))
    }

    /// `address-list = (address *("," address)) / obs-addr-list`
    fn address_list(&mut self, at: usize) -> Option<usize> {
        self.list_of(at, Self::address)
            .or_else(|| self.obs_list_of(at, Self::address))
    }

    /// `item *("," item)`
    fn list_of(&mut self, at: usize, item: fn(&mut Self, usize) -> Option<usize>) -> Option<usize> {
        let mut end = item(self, at)?;
        while let Some(next) = self.literal(end, ',').and_then(|comma| item(self, comma)) {
            end = next;
        }
        Some(end)
    }

    /// `group-list = mailbox-list / CFWS / obs-group-list`
    fn group_list(&mut self, at: usize) -> Option<usize> {
        self.mailbox_list(at)
            .or_else(|| self.cfws(at))
            .or_else(|| self.obs_group_list(at))
    }

    // ---- §3.4.1 addr-spec ----

    /// `addr-spec = local-part "@" domain`
    fn addr_spec(&mut self, at: usize) -> Option<usize> {
        let at_sign = self.local_part(at)?;
        let domain = self.literal(at_sign, '@')?;
        let end = self.domain(domain)?;
        self.mailboxes.push((at, at_sign, end));
        Some(end)
    }

    /// `local-part = dot-atom / quoted-string / obs-local-part`, tried as the package does:
    /// `obs-local-part` first.
    fn local_part(&mut self, at: usize) -> Option<usize> {
        self.obs_local_part(at)
            .or_else(|| self.dot_atom(at))
            .or_else(|| self.quoted_string(at))
    }

    /// `domain = dot-atom / domain-literal / obs-domain`, tried as the package does:
    /// `obs-domain` first.
    fn domain(&mut self, at: usize) -> Option<usize> {
        self.obs_domain(at)
            .or_else(|| self.dot_atom(at))
            .or_else(|| self.domain_literal(at))
    }

    /// `domain-literal = [CFWS] "[" *([FWS] dtext) [FWS] "]" [CFWS]`,
    /// `dtext = %d33-90 / %d94-126 / obs-dtext`, `obs-dtext = obs-NO-WS-CTL / quoted-pair`
    fn domain_literal(&mut self, at: usize) -> Option<usize> {
        let start = self.opt_cfws(at);
        let mut end = self.literal(start, '[')?;
        loop {
            let content = self.fws(end).unwrap_or(end);
            let dtext = self
                .one(content, |ch| {
                    matches!(ch, '!'..='Z' | '^'..='~')
                        || !ch.is_ascii()
                        || self.is_obs_no_ws_ctl(ch)
                })
                .or_else(|| {
                    if self.strict {
                        None
                    } else {
                        self.quoted_pair(content)
                    }
                });
            match dtext {
                Some(next) => end = next,
                None => break,
            }
        }
        let end = self.literal(self.fws(end).unwrap_or(end), ']')?;
        Some(self.opt_cfws(end))
    }

    // ---- §4 obsolete syntax (second pass only) ----

    /// `obs-phrase = word *(word / "." / CFWS)`
    fn obs_phrase(&mut self, at: usize) -> Option<usize> {
        if self.strict {
            return None;
        }
        let mut end = self.word(at)?;
        while let Some(next) = self
            .word(end)
            .or_else(|| self.literal(end, '.'))
            .or_else(|| self.cfws(end))
        {
            end = next;
        }
        Some(end)
    }

    /// `obs-angle-addr = [CFWS] "<" obs-route addr-spec ">" [CFWS]`,
    /// `obs-route = obs-domain-list ":"`
    fn obs_angle_addr(&mut self, at: usize) -> Option<usize> {
        if self.strict {
            return None;
        }
        self.attempt(at, |this, at| {
            let start = this.opt_cfws(at);
            let route = this.literal(start, '<')?;
            let colon = this.obs_domain_list(route)?;
            let spec = this.literal(colon, ':')?;
            let close = this.addr_spec(spec)?;
            let end = this.literal(close, '>')?;
            Some(this.opt_cfws(end))
        })
    }

    /// `obs-domain-list = *(CFWS / ",") "@" domain *("," [CFWS] ["@" domain])`
    fn obs_domain_list(&mut self, at: usize) -> Option<usize> {
        let mut start = at;
        while let Some(next) = self.cfws(start).or_else(|| self.literal(start, ',')) {
            start = next;
        }
        let domain = self.literal(start, '@')?;
        let mut end = self.domain(domain)?;
        while let Some(comma) = self.literal(end, ',') {
            let after = self.opt_cfws(comma);
            end = self
                .literal(after, '@')
                .and_then(|domain| self.domain(domain))
                .unwrap_or(after);
        }
        Some(end)
    }

    /// `obs-mbox-list = *([CFWS] ",") mailbox *("," [mailbox CFWS])` and
    /// `obs-addr-list = *([CFWS] ",") address *("," [address CFWS])`, as the package has them:
    /// an item after a comma counts only when CFWS follows it.
    fn obs_list_of(
        &mut self,
        at: usize,
        item: fn(&mut Self, usize) -> Option<usize>,
    ) -> Option<usize> {
        if self.strict {
            return None;
        }
        let mut start = at;
        while let Some(next) = self.leading_comma(start) {
            start = next;
        }
        let mut end = item(self, start)?;
        while let Some(comma) = self.literal(end, ',') {
            // An item without CFWS after it is not part of the list: its mailboxes are dropped.
            end = self
                .attempt(comma, |this, comma| {
                    item(this, comma).and_then(|next| this.cfws(next))
                })
                .unwrap_or(comma);
        }
        Some(end)
    }

    /// `[CFWS] ","`
    fn leading_comma(&mut self, at: usize) -> Option<usize> {
        let comma = self.opt_cfws(at);
        self.literal(comma, ',')
    }

    /// `obs-group-list = 1*([CFWS] ",") [CFWS]`
    fn obs_group_list(&mut self, at: usize) -> Option<usize> {
        if self.strict {
            return None;
        }
        let mut end = self.leading_comma(at)?;
        while let Some(next) = self.leading_comma(end) {
            end = next;
        }
        Some(self.opt_cfws(end))
    }

    /// `obs-local-part = word *("." word)`
    fn obs_local_part(&mut self, at: usize) -> Option<usize> {
        if self.strict {
            return None;
        }
        let mut end = self.word(at)?;
        while let Some(next) = self.literal(end, '.').and_then(|dot| self.word(dot)) {
            end = next;
        }
        Some(end)
    }

    /// `obs-domain = atom *("." atom)`
    fn obs_domain(&mut self, at: usize) -> Option<usize> {
        if self.strict {
            return None;
        }
        let mut end = self.atom(at)?;
        while let Some(next) = self.literal(end, '.').and_then(|dot| self.atom(dot)) {
            end = next;
        }
        Some(end)
    }
}

/// `VCHAR = %x21-7E` (+ non-ASCII, RFC 6532)
fn is_vchar(ch: char) -> bool {
    ch.is_ascii_graphic() || !ch.is_ascii()
}

/// `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~`` (+ non-ASCII, RFC 6532)
fn is_atext(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(ch) || !ch.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::{Mailbox, has_valid_format, parse_address_list, parse_mailboxes};

    /// The inputs that `email-addresses` 5.0.0 rejects, as listed in the research notes.
    const INVALID: &[&str] = &[
        "foo",
        "",
        " ",
        "a@b.co;c@d.co",
        "a@b.co,",
        "a@b..co",
        "a..b@c.co",
        ".a@b.co",
        "a b@c.co",
        "@b.co",
        "a@",
        "a@b@c.co",
        "a@b.co\n",
        "{{x}}",
        "a@b.co, foo",
    ];

    /// The inputs that `email-addresses` 5.0.0 accepts, as listed in the research notes.
    const VALID: &[&str] = &[
        "a@b",
        "a@localhost",
        "a@b.c",
        "a@1.2.3.4",
        "a@[1.2.3.4]",
        "a@-b.co",
        "a@b_c.co",
        "é@b.co",
        "user+tag@x.io",
        "<a@b.co>",
        "a@b.co (comment)",
        "Name <a@b.co>",
        "Name <a@b>",
        "\"Dr Tom\" <tom@elastic.co>",
        "a@b.co, c@d.co",
        "grp: a@b.co, c@d.co;",
    ];

    #[test]
    fn research_table_invalid() {
        for input in INVALID {
            assert!(!parse_address_list(input), "{input:?} should be invalid");
        }
    }

    #[test]
    fn research_table_valid() {
        for input in VALID {
            assert!(parse_address_list(input), "{input:?} should be valid");
        }
    }

    /// Checked against `email-addresses` 5.0.0 in Node.js.
    #[test]
    fn peg_quirks_match_the_package() {
        let cases: &[(&str, bool)] = &[
            // The obsolete list is tried only when the first address fails.
            (", a@b.co", true),
            (",a@b.co", true),
            ("a@b.co, ,c@d.co", false),
            // Groups, empty or with obsolete commas.
            ("g:;", true),
            ("g: ;", true),
            ("g:,;", true),
            // Comments.
            ("a@b.co (c", false),
            ("(c) a@b", true),
            ("a@b (c) (d)", true),
            ("a(b)@c", true),
            ("a@b (((x)))", true),
            ("a@b ((x)", false),
            // Quoted strings and quoted pairs.
            ("\"a\"@b", true),
            ("a.\"b\"@c", true),
            ("x\\y@b", false),
            ("\"x\\\ny\"@b", true),
            ("a@[1.2\\]]", true),
            // Obsolete routes.
            ("<@x:a@b>", true),
            ("<@x,@y:a@b>", true),
            // Folding white space needs white space after a line break.
            ("a@b\r\n c", false),
            ("a@b\r\n", false),
            ("a@b\r\n (c)", true),
            // Non-ASCII, including characters outside the BMP.
            ("é😀@b", true),
            ("a@b.", false),
            ("a.@b", false),
            ("Name<a@b>", true),
            ("a@b <c@d>", false),
        ];
        for &(input, expected) in cases {
            assert_eq!(parse_address_list(input), expected, "{input:?}");
        }
    }

    #[test]
    fn deep_and_long_inputs_do_not_overflow() {
        let nested = format!("a@b {}{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(parse_address_list(&nested));
        let unclosed = format!("a@b {}", "(".repeat(100_000));
        assert!(!parse_address_list(&unclosed));
        let long_list = vec!["a@b.co"; 50_000].join(", ");
        assert!(parse_address_list(&long_list));
        let long_word = "a".repeat(200_000);
        assert!(!parse_address_list(&long_word));
        let controls: String = (0..32u8).map(char::from).collect();
        assert!(!parse_address_list(&controls));
    }

    /// Every address of `validate_email_addresses.test.ts` (newest stored version, PR #268496)
    /// with no allowlist, and the `Name <addr>` forms the PR describes.
    #[test]
    fn the_format_rule_of_pr_268496() {
        let valid = [
            "bob@elastic.co",
            "\"Dr Tom\" <tom@elastic.co>",
            "jim@dev.elastic.co",
            "rex@found.no",
            "sal@alerting.dev.elastic.co",
            "nancy@example.com",
            "\"Dr RFC 5322\" <dr@rfc5322.org>",
            "jim@somewhere.org",
            "foo.bar@elastic.co",
            "user@mydomain.com",
            "admin-network@example.com",
            "foo.bar@test.com",
            "sender@foo.com",
            "foo.bar@elastic.com",
            "user@localhost",
            "first-last@example.com",
            "user@my-domain.example.com",
            "user@example.com",
            "first.last@example.com",
            "user+tag@example.com",
            "user@sub.domain.example.com",
            "something     @  example.com",
            "\"quoted\"@example.com",
            "\"-foo\"@example.com",
            "'user'@example.com",
            "Team: alice@example.com, bob@example.com;",
            "user@a--b.example.com",
            "(-c)user@example.com (-c)",
        ];
        for address in valid {
            assert!(has_valid_format(address), "{address:?} should be valid");
        }
        let invalid = [
            "totally invalid",
            "{{sneaky}}",
            "not an email",
            "-user@example.com",
            "user-@example.com",
            "user@-example.com",
            "user@example-.com",
            "@something@example.com",
            "user@@example.com",
            ".user@example.com",
            "user.@example.com",
            "user@.example.com",
            "user@example.com.",
            "user@example..com",
            "user@exam ple.com",
            "<script>@example.com",
            "../etc/passwd@example.com",
            "Team: -alice@example.com, bob@example.com;",
            "Team: alice@-example.com, bob@example.com;",
            "Team: -alice@example.com, \"-alice\"@example.com;",
            "\"Dr Tom\" <-tom@elastic.co>",
            "Alerts <alerts@mail-.example.com>",
            "ok@example.com, user-@example.com",
            "\"\"@example.com",
            "a@[1..2]",
        ];
        for address in invalid {
            assert!(!has_valid_format(address), "{address:?} should be invalid");
        }
    }

    #[test]
    fn mailboxes_are_those_of_the_parse() {
        let mailbox = |local: &str, quoted_local, domain: &str| Mailbox {
            local: local.to_owned(),
            quoted_local,
            domain: domain.to_owned(),
        };
        assert_eq!(
            parse_mailboxes("Team: a@x.io, \"-b\\\"c\" (note) @ y.io;, Name <d@[1.2.3.4]>"),
            Some(vec![
                mailbox("a", false, "x.io"),
                mailbox("-b\"c", true, "y.io"),
                mailbox("d", false, "[1.2.3.4]"),
            ])
        );
        // The obsolete list drops an item that no CFWS follows (`, c@d` is not part of it), and
        // a failed `Name <…` leaves no mailbox behind.
        assert_eq!(
            parse_mailboxes(", a@b.co"),
            Some(vec![mailbox("a", false, "b.co")])
        );
        assert_eq!(parse_mailboxes("a@b <c@d>"), None);
        assert_eq!(
            parse_mailboxes("<@x,@y:a@b>"),
            Some(vec![mailbox("a", false, "b")])
        );
    }
}
