//! Scope: what is known about the app's state when something happens (user,
//! tags, extra, contexts, breadcrumbs), applied to every event it sees.
//!
//! The stack holds one scope per `withScope` level; the top one is current.
//! A pushed scope starts as a copy of its parent and is dropped on pop, so
//! nothing set on it leaks out. The isolation scope (the root, or a level
//! that `withIsolationScope` began) is where the app's top-level calls
//! (`Sentry.setTag`, the automatic breadcrumbs) go, as in the peer since its
//! version 8: they reach the levels above it too, and outlast them.

use crate::core::protocol::{Breadcrumb, Event, Level, Request};
use crate::core::value::Value;

/// The default and the largest number of breadcrumbs kept, as @sentry/browser.
pub const DEFAULT_MAX_BREADCRUMBS: usize = 100;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    pub user: Option<Value>,
    pub tags: Vec<(String, String)>,
    pub extra: Vec<(String, Value)>,
    pub contexts: Vec<(String, Value)>,
    pub level: Option<Level>,
    pub fingerprint: Vec<String>,
    /// Oldest first, at most `max_breadcrumbs`.
    pub breadcrumbs: Vec<Breadcrumb>,
    /// The request being handled (a worker's), for events that have none.
    pub request: Option<Request>,
    /// `setTransactionName`'s, for events that have none.
    pub transaction: Option<String>,
    /// What a scope object's own methods set here ([`Change::key`]): the
    /// app's top-level calls, which write to the isolation scope and the
    /// levels open above it, leave these as they are, as the peer's current
    /// scope wins over its isolation scope.
    pub own: Vec<String>,
}

impl Scope {
    /// The empty scope, as a constant: a static's initialiser (the platform
    /// layer's state) then needs no code.
    pub const EMPTY: Scope = Scope {
        user: None,
        tags: Vec::new(),
        extra: Vec::new(),
        contexts: Vec::new(),
        level: None,
        fingerprint: Vec::new(),
        breadcrumbs: Vec::new(),
        request: None,
        transaction: None,
        own: Vec::new(),
    };
}

/// One change to a scope: what a setter does, applied to the current scope
/// or to several (see [`ScopeStack::isolation_each`]). One type, so that one
/// `apply` serves every setter.
#[derive(Debug, Clone)]
pub enum Change<'a> {
    User(Option<Value>),
    Tag(&'a str, Option<String>),
    Extra(&'a str, Option<Value>),
    Context(&'a str, Option<Value>),
    Level(Option<Level>),
    Fingerprint(Vec<String>),
    Request(Option<Request>),
    Transaction(Option<String>),
    /// The peer's `clear()` (`false`: all the scope holds but a worker's
    /// request) and `clearBreadcrumbs()` (`true`).
    Clear(bool),
}

impl Change<'_> {
    /// What the change sets, as one key: its kind, and a name for those that have one.
    fn key(&self) -> String {
        let (kind, name) = match self {
            Change::User(_) => ("u", ""),
            Change::Tag(k, _) => ("t", *k),
            Change::Extra(k, _) => ("e", *k),
            Change::Context(k, _) => ("c", *k),
            Change::Level(_) => ("l", ""),
            Change::Fingerprint(_) => ("f", ""),
            Change::Request(_) => ("r", ""),
            Change::Transaction(_) => ("x", ""),
            Change::Clear(_) => ("z", ""),
        };
        let mut key = String::with_capacity(1 + name.len());
        key.push_str(kind);
        key.push_str(name);
        key
    }
}

impl Scope {
    /// A change made through this scope's own methods (a scope object's,
    /// `getCurrentScope()`'s): later isolation writes do not undo it here.
    pub fn apply_own(&mut self, change: &Change<'_>) {
        self.apply(change);
        let key = change.key();
        // A cleared scope has set nothing through its own methods.
        if !matches!(change, Change::Clear(_)) && !self.own.contains(&key) {
            self.own.push(key);
        }
    }

    /// A change made by the app's top-level calls (see
    /// [`ScopeStack::isolation_each`]): applied unless this scope set the
    /// same thing through its own methods.
    pub fn apply_isolation(&mut self, change: &Change<'_>) {
        if !self.own.contains(&change.key()) {
            self.apply(change);
        }
    }

    pub fn apply(&mut self, change: &Change<'_>) {
        match change {
            Change::User(user) => self.user = user.clone(),
            Change::Tag(key, value) => self.set_tag(key, value.clone()),
            Change::Extra(key, value) => self.set_extra(key, value.clone()),
            Change::Context(key, value) => self.set_context(key, value.clone()),
            Change::Level(level) => self.level = *level,
            Change::Fingerprint(fp) => self.fingerprint = fp.clone(),
            Change::Request(request) => self.request = request.clone(),
            Change::Transaction(name) => self.transaction = name.clone(),
            Change::Clear(true) => self.breadcrumbs.clear(),
            Change::Clear(false) => *self = Scope { request: self.request.take(), ..Scope::EMPTY },
        }
    }
}

/// Sets `key` to `value` in an ordered list of pairs (replacing), or removes it
/// when `value` is `None`.
fn set_pair<V>(pairs: &mut Vec<(String, V)>, key: &str, value: Option<V>) {
    let pos = pairs.iter().position(|(k, _)| k == key);
    match (pos, value) {
        (Some(i), Some(v)) => {
            if let Some(slot) = pairs.get_mut(i) {
                slot.1 = v;
            }
        }
        (None, Some(v)) => pairs.push((key.to_owned(), v)),
        (Some(i), None) => {
            pairs.remove(i);
        }
        (None, None) => {}
    }
}

impl Scope {
    pub fn set_tag(&mut self, key: &str, value: Option<String>) {
        set_pair(&mut self.tags, key, value);
    }

    /// `None` removes `key`; null is a value, sent as the peer sends it.
    pub fn set_extra(&mut self, key: &str, value: Option<Value>) {
        set_pair(&mut self.extra, key, value);
    }

    /// A context is an object (Relay drops anything else); any other value removes `key`, as null does.
    pub fn set_context(&mut self, key: &str, value: Option<Value>) {
        set_pair(&mut self.contexts, key, value.filter(|v| v.as_object().is_some()));
    }

    /// Adds a breadcrumb, dropping the oldest beyond `max` (0 keeps none).
    pub fn add_breadcrumb(&mut self, crumb: Breadcrumb, max: usize) {
        if max == 0 {
            return;
        }
        // At most 100: shifting them costs less than a ring's code (and
        // `remove` less than `drain`'s).
        while self.breadcrumbs.len() >= max {
            self.breadcrumbs.remove(0);
        }
        self.breadcrumbs.push(crumb);
    }

    /// Fills what the event lacks. The event's own values win: a tag or extra
    /// it already has keeps its value, and its own breadcrumbs come after the
    /// scope's.
    pub fn apply_to_event(&self, event: &mut Event) {
        if event.user.is_none() {
            event.user.clone_from(&self.user);
        }
        if event.request.is_none() {
            event.request.clone_from(&self.request);
        }
        if event.transaction.is_none() {
            event.transaction.clone_from(&self.transaction);
        }
        merge_pairs(&mut event.tags, &self.tags);
        merge_pairs(&mut event.extra, &self.extra);
        merge_pairs(&mut event.contexts, &self.contexts);
        if let Some(level) = self.level {
            event.level = level;
        }
        if event.fingerprint.is_empty() {
            event.fingerprint.clone_from(&self.fingerprint);
        }
        if !self.breadcrumbs.is_empty() {
            let mut all = self.breadcrumbs.clone();
            all.append(&mut event.breadcrumbs);
            event.breadcrumbs = all;
        }
    }
}

fn merge_pairs<V: Clone>(into: &mut Vec<(String, V)>, from: &[(String, V)]) {
    for (k, v) in from {
        if !into.iter().any(|(have, _)| have == k) {
            into.push((k.clone(), v.clone()));
        }
    }
}

/// The scopes of `withScope`: the root, and one per open level above it.
#[derive(Debug, Clone, Default)]
pub struct ScopeStack {
    root: Scope,
    levels: Vec<Scope>,
    /// The indices in `levels` of those a `withIsolationScope` began, in order.
    isolating: Vec<usize>,
}

/// How deep `withScope` may nest; deeper pushes are refused, so a runaway
/// recursion cannot grow memory without bound.
pub const MAX_SCOPE_DEPTH: usize = 100;

impl ScopeStack {
    pub fn current(&self) -> &Scope {
        self.levels.last().unwrap_or(&self.root)
    }

    pub fn current_mut(&mut self) -> &mut Scope {
        self.levels.last_mut().unwrap_or(&mut self.root)
    }

    /// Starts a `withScope` level (or with `isolation`, a
    /// `withIsolationScope` one) as a copy of the current scope; false when
    /// too deep (the caller then works on the current scope).
    pub fn push(&mut self, isolation: bool) -> bool {
        if self.depth() >= MAX_SCOPE_DEPTH {
            return false;
        }
        if isolation {
            self.isolating.push(self.levels.len());
        }
        let copy = self.current().clone();
        self.levels.push(copy);
        true
    }

    /// Runs `f` on the isolation scope and on every level above it (each
    /// began as a copy of it): what the app sets at the top level shows in
    /// the events of open `withScope` levels, and stays after they end. A
    /// level's own value for the same key stays, when the caller applies
    /// with [`Scope::apply_isolation`], as it would in the peer's layered scopes.
    /// Takes `dyn`: one copy of this loop for every setter.
    pub fn isolation_each(&mut self, f: &mut dyn FnMut(&mut Scope)) {
        let from = self.isolating.last().copied();
        if from.is_none() {
            f(&mut self.root);
        }
        for scope in self.levels.iter_mut().skip(from.unwrap_or(0)) {
            f(scope);
        }
    }

    /// Ends a `withScope` level; the root scope is never popped.
    pub fn pop(&mut self) {
        self.levels.pop();
        if self.isolating.last() == Some(&self.levels.len()) {
            self.isolating.pop();
        }
    }

    /// 1 for the root alone.
    pub fn depth(&self) -> usize {
        self.levels.len() + 1
    }
}

/// A worker's isolation scopes: one per request, made from the global
/// scope on the request's first use, so that what request A sets never
/// shows in request B's events, however their awaits interleave. The caller
/// names scopes (0 is the global one). JS runs one call at a time, so one
/// scope is active and the rest are parked; the platform layer switches to
/// the caller's scope before each call. Derefs to the active [`ScopeStack`].
#[derive(Debug, Default)]
pub struct IsolationScopes {
    active: u32,
    stack: ScopeStack,
    parked: Vec<(u32, ScopeStack)>,
}

/// Request scopes kept at once. A request that never drops its scope (its
/// isolate may be cut off mid-request) must not grow memory without bound:
/// past this, the least recently used goes.
pub const MAX_ISOLATION_SCOPES: usize = 1000;

/// The global scope's id: what runs outside any request.
pub const GLOBAL_SCOPE: u32 = 0;

impl IsolationScopes {
    /// Only the global scope, empty (as `default()`, but a constant).
    pub const NEW: IsolationScopes =
        IsolationScopes { active: GLOBAL_SCOPE, stack: ScopeStack { root: Scope::EMPTY, levels: Vec::new(), isolating: Vec::new() }, parked: Vec::new() };

    /// The active scope's id.
    pub fn active(&self) -> u32 {
        self.active
    }

    /// Makes scope `id` the active one. An id not known yet (a new request,
    /// or one whose scope was dropped or evicted) gets a fresh copy of the
    /// global scope's current level, never the global scope itself.
    pub fn switch(&mut self, id: u32) {
        if id == self.active {
            return;
        }
        let incoming = match self.take(id) {
            Some(stack) => stack,
            None => {
                let global = match self.parked.iter().find(|(k, _)| *k == GLOBAL_SCOPE) {
                    Some((_, stack)) => stack,
                    None => &self.stack,
                };
                ScopeStack { root: global.current().clone(), levels: Vec::new(), isolating: Vec::new() }
            }
        };
        let outgoing = std::mem::replace(&mut self.stack, incoming);
        let was = std::mem::replace(&mut self.active, id);
        self.park(was, outgoing);
    }

    /// Forgets scope `id` (the end of its request). The global scope stays.
    pub fn drop_scope(&mut self, id: u32) {
        if id == GLOBAL_SCOPE {
            return;
        }
        if self.active == id {
            self.switch(GLOBAL_SCOPE);
        }
        self.take(id);
    }

    /// How many request scopes are held (the global one aside).
    pub fn requests(&self) -> usize {
        // The global scope is active or parked; every other one is a request's.
        self.parked.len()
    }

    fn take(&mut self, id: u32) -> Option<ScopeStack> {
        let pos = self.parked.iter().position(|(k, _)| *k == id)?;
        Some(self.parked.remove(pos).1)
    }

    /// Parks in use order, so that the first request scope parked is the
    /// least recently used: the one evicted when too many are held.
    fn park(&mut self, id: u32, stack: ScopeStack) {
        if id != GLOBAL_SCOPE && self.requests() >= MAX_ISOLATION_SCOPES {
            if let Some(pos) = self.parked.iter().position(|(k, _)| *k != GLOBAL_SCOPE) {
                self.parked.remove(pos);
            }
        }
        self.parked.push((id, stack));
    }
}

impl std::ops::Deref for IsolationScopes {
    type Target = ScopeStack;
    fn deref(&self) -> &ScopeStack {
        &self.stack
    }
}

impl std::ops::DerefMut for IsolationScopes {
    fn deref_mut(&mut self) -> &mut ScopeStack {
        &mut self.stack
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::value;

    fn crumb(msg: &str) -> Breadcrumb {
        Breadcrumb { message: Some(msg.into()), ..Default::default() }
    }

    #[test]
    fn transaction_name_and_clearing_as_the_peers_scope() {
        let mut scope = Scope { request: Some(Request::default()), ..Scope::default() };
        scope.apply_own(&Change::Transaction(Some("/cart".into())));
        scope.apply_own(&Change::Tag("t", Some("v".into())));
        scope.add_breadcrumb(crumb("c"), 10);
        let mut event = Event::default();
        scope.apply_to_event(&mut event);
        assert_eq!(event.transaction.as_deref(), Some("/cart"));
        let mut own = Event { transaction: Some("own".into()), ..Default::default() };
        scope.apply_to_event(&mut own);
        assert_eq!(own.transaction.as_deref(), Some("own"));
        scope.apply_own(&Change::Clear(true));
        assert!(scope.breadcrumbs.is_empty() && !scope.tags.is_empty());
        scope.apply_own(&Change::Clear(false));
        // All but a worker's request; and nothing counts as set by the scope itself any more.
        assert_eq!(scope, Scope { request: Some(Request::default()), ..Scope::default() });
    }

    #[test]
    fn the_event_keeps_its_own_values_and_gets_the_rest() {
        let mut scope = Scope::default();
        scope.set_tag("a", Some("scope".into()));
        scope.set_tag("b", Some("scope".into()));
        scope.set_extra("x", Some(value::parse("{\"n\":1}").unwrap()));
        scope.user = Some(value::parse("{\"id\":\"7\"}").unwrap());
        scope.add_breadcrumb(crumb("first"), 10);
        let mut event = Event { tags: vec![("a".into(), "event".into())], breadcrumbs: vec![crumb("own")], ..Default::default() };
        scope.apply_to_event(&mut event);
        assert_eq!(event.tags, [("a".into(), "event".into()), ("b".into(), "scope".into())]);
        assert_eq!(event.extra.len(), 1);
        assert!(event.user.is_some());
        let msgs: Vec<_> = event.breadcrumbs.iter().map(|b| b.message.as_deref().unwrap()).collect();
        assert_eq!(msgs, ["first", "own"]);
    }

    #[test]
    fn the_scope_request_fills_only_events_without_one() {
        let scope =
            Scope { request: Some(Request { method: Some("POST".into()), url: Some("https://w.example/a".into()), headers: vec![] }), ..Default::default() };
        let mut event = Event::default();
        scope.apply_to_event(&mut event);
        assert_eq!(event.request.as_ref().and_then(|r| r.method.as_deref()), Some("POST"));
        let own = Request { url: Some("https://page.example/".into()), ..Default::default() };
        let mut event = Event { request: Some(own.clone()), ..Default::default() };
        scope.apply_to_event(&mut event);
        assert_eq!(event.request, Some(own));
    }

    #[test]
    fn request_scopes_are_isolated_and_start_from_the_global_one() {
        let mut scopes = IsolationScopes::default();
        scopes.current_mut().set_tag("release", Some("1".into()));
        let (a, b) = (7, 3);
        scopes.switch(a);
        scopes.current_mut().set_tag("req", Some("a".into()));
        scopes.current_mut().add_breadcrumb(crumb("in a"), 10);
        scopes.switch(b);
        scopes.current_mut().set_tag("req", Some("b".into()));
        scopes.push(false);
        scopes.current_mut().set_tag("inner", Some("b".into()));
        scopes.switch(a);
        assert_eq!(scopes.current().tags, [("release".into(), "1".into()), ("req".into(), "a".into())]);
        assert_eq!(scopes.current().breadcrumbs.len(), 1);
        scopes.switch(b);
        assert_eq!(scopes.depth(), 2, "b's withScope level is still open");
        scopes.pop();
        assert_eq!(scopes.current().tags, [("release".into(), "1".into()), ("req".into(), "b".into())]);
        assert!(scopes.current().breadcrumbs.is_empty());
        scopes.switch(GLOBAL_SCOPE);
        assert_eq!(scopes.current().tags, [("release".into(), "1".into())], "nothing of a request reaches the global scope");
        scopes.switch(9);
        assert_eq!(scopes.current().tags, [("release".into(), "1".into())], "a new request starts from the global scope");
        assert_eq!(scopes.requests(), 3);
        scopes.drop_scope(a);
        scopes.switch(b);
        scopes.drop_scope(b);
        assert_eq!(scopes.active(), GLOBAL_SCOPE);
        scopes.drop_scope(9);
        assert_eq!(scopes.requests(), 0);
        scopes.drop_scope(GLOBAL_SCOPE);
        assert_eq!(scopes.current().tags.len(), 1, "the global scope is never dropped");
    }

    #[test]
    fn a_dropped_request_scope_comes_back_fresh_never_as_the_global_one() {
        let mut scopes = IsolationScopes::default();
        scopes.switch(1);
        scopes.current_mut().set_tag("old", Some("x".into()));
        scopes.drop_scope(1);
        scopes.switch(1);
        assert!(scopes.current().tags.is_empty(), "fresh");
        scopes.current_mut().set_tag("late", Some("x".into()));
        scopes.switch(GLOBAL_SCOPE);
        assert!(scopes.current().tags.is_empty());
        scopes.switch(1);
        assert_eq!(scopes.current().tags.len(), 1, "the id keeps its scope until dropped");
    }

    #[test]
    fn request_scopes_are_bounded_and_the_least_recently_used_go_first() {
        let mut scopes = IsolationScopes::default();
        scopes.switch(1);
        scopes.current_mut().set_tag("n", Some("first".into()));
        scopes.switch(2);
        scopes.current_mut().set_tag("n", Some("second".into()));
        scopes.switch(1); // 1 used after 2: 2 is the least recently used
        for id in 3..(MAX_ISOLATION_SCOPES as u32 + 2) {
            scopes.switch(id);
        }
        assert_eq!(scopes.requests(), MAX_ISOLATION_SCOPES);
        scopes.switch(1);
        assert_eq!(scopes.current().tags.len(), 1, "recently used: kept");
        scopes.switch(2);
        assert!(scopes.current().tags.is_empty(), "least recently used: evicted, then fresh");
        assert_eq!(scopes.requests(), MAX_ISOLATION_SCOPES);
    }

    #[test]
    fn breadcrumbs_are_a_bounded_ring() {
        let mut scope = Scope::default();
        for i in 0..10 {
            scope.add_breadcrumb(crumb(&i.to_string()), 3);
        }
        let msgs: Vec<_> = scope.breadcrumbs.iter().map(|b| b.message.clone().unwrap()).collect();
        assert_eq!(msgs, ["7", "8", "9"]);
        scope.add_breadcrumb(crumb("x"), 0);
        assert_eq!(scope.breadcrumbs.len(), 3);
    }

    #[test]
    fn tags_replace_and_remove() {
        let mut scope = Scope::default();
        scope.set_tag("a", Some("1".into()));
        scope.set_tag("a", Some("2".into()));
        assert_eq!(scope.tags, [("a".into(), "2".into())]);
        scope.set_tag("a", None);
        assert!(scope.tags.is_empty());
    }

    #[test]
    fn contexts_are_objects_and_anything_else_removes_one() {
        let mut scope = Scope::default();
        let os = value::parse("{\"name\":\"x\"}").unwrap();
        scope.set_context("os", Some(os.clone()));
        assert_eq!(scope.contexts, [("os".into(), os)]);
        for not_an_object in ["3", "\"[Unreadable]\"", "[1]", "null"] {
            scope.set_context("os", Some(value::parse("{}").unwrap()));
            scope.set_context("os", Some(value::parse(not_an_object).unwrap()));
            assert!(scope.contexts.is_empty(), "{not_an_object}");
        }
    }

    #[test]
    fn with_scope_levels_do_not_leak_and_depth_is_bounded() {
        let mut stack = ScopeStack::default();
        stack.current_mut().set_tag("outer", Some("1".into()));
        assert!(stack.push(false));
        stack.current_mut().set_tag("inner", Some("2".into()));
        assert_eq!(stack.current().tags.len(), 2);
        stack.pop();
        assert_eq!(stack.current().tags, [("outer".into(), "1".into())]);
        stack.pop();
        stack.pop();
        assert_eq!(stack.depth(), 1);
        while stack.push(false) {}
        assert_eq!(stack.depth(), MAX_SCOPE_DEPTH);
    }

    #[test]
    fn isolation_writes_reach_open_levels_and_outlast_them_but_stop_at_an_isolation_level() {
        let tags = |s: &ScopeStack| s.current().tags.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",");
        let mut stack = ScopeStack::default();
        assert!(stack.push(false));
        stack.current_mut().set_tag("local", Some("1".into()));
        stack.isolation_each(&mut |s| s.set_tag("user", Some("ada".into())));
        assert_eq!(tags(&stack), "local=1,user=ada", "seen inside the open level");
        stack.pop();
        assert_eq!(tags(&stack), "user=ada", "and kept after it");
        // A withIsolationScope level takes the writes made inside it; its parent does not see them.
        assert!(stack.push(true));
        assert!(stack.push(false));
        stack.isolation_each(&mut |s| s.set_tag("inner", Some("x".into())));
        assert_eq!(tags(&stack), "user=ada,inner=x");
        stack.pop();
        assert_eq!(tags(&stack), "user=ada,inner=x");
        stack.pop();
        assert_eq!(tags(&stack), "user=ada");
        // A plain level pushed where an isolation level was is not one.
        assert!(stack.push(false));
        stack.isolation_each(&mut |s| s.set_tag("again", Some("y".into())));
        stack.pop();
        assert_eq!(tags(&stack), "user=ada,again=y");
    }

    #[test]
    fn what_a_scope_set_itself_wins_over_later_isolation_writes() {
        let tag = |s: &ScopeStack, k: &str| s.current().tags.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        let mut stack = ScopeStack::default();
        assert!(stack.push(false));
        // `scope.setTag('a', 'inner')` in the callback, then `Sentry.setTag('a', 'outer')`.
        stack.current_mut().apply_own(&Change::Tag("a", Some("inner".into())));
        stack.isolation_each(&mut |s| s.apply_isolation(&Change::Tag("a", Some("outer".into()))));
        stack.isolation_each(&mut |s| s.apply_isolation(&Change::Tag("b", Some("outer".into()))));
        assert_eq!((tag(&stack, "a").as_deref(), tag(&stack, "b").as_deref()), (Some("inner"), Some("outer")));
        // A nested level inherits what its parent set itself.
        assert!(stack.push(false));
        stack.isolation_each(&mut |s| s.apply_isolation(&Change::Tag("a", Some("later".into()))));
        assert_eq!(tag(&stack, "a").as_deref(), Some("inner"));
        stack.pop();
        stack.pop();
        // The isolation scope got every top-level write.
        assert_eq!(tag(&stack, "a").as_deref(), Some("later"));
        // Another kind with the same name is another key; the user is one key.
        stack.current_mut().apply_own(&Change::Extra("a", None));
        stack.current_mut().apply_own(&Change::User(None));
        stack.isolation_each(&mut |s| s.apply_isolation(&Change::Tag("a", Some("top".into()))));
        assert_eq!(tag(&stack, "a").as_deref(), Some("top"));
        stack.isolation_each(&mut |s| s.apply_isolation(&Change::User(Some(crate::core::value::Value::Null))));
        assert_eq!(stack.current().user, None);
    }
}
