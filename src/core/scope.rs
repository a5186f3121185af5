//! Scope: what is known about the app's state when something happens (user,
//! tags, extra, contexts, breadcrumbs), applied to every event it sees.
//!
//! The stack holds one scope per `withScope` level; the top one is current.
//! A pushed scope starts as a copy of its parent and is dropped on pop, so
//! nothing set inside `withScope` leaks out.

use crate::core::protocol::{Breadcrumb, Event, Level};
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

    pub fn set_extra(&mut self, key: &str, value: Option<Value>) {
        set_pair(&mut self.extra, key, value.filter(|v| !v.is_null()));
    }

    pub fn set_context(&mut self, key: &str, value: Option<Value>) {
        set_pair(&mut self.contexts, key, value.filter(|v| !v.is_null()));
    }

    /// Adds a breadcrumb, dropping the oldest beyond `max` (0 keeps none).
    pub fn add_breadcrumb(&mut self, crumb: Breadcrumb, max: usize) {
        if max == 0 {
            return;
        }
        // At most 100: shifting them costs less than a ring's code.
        let len = self.breadcrumbs.len();
        if len >= max {
            self.breadcrumbs.drain(..=len - max);
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

    /// Starts a `withScope` level as a copy of the current scope; false when
    /// too deep (the caller then works on the current scope).
    pub fn push(&mut self) -> bool {
        if self.depth() >= MAX_SCOPE_DEPTH {
            return false;
        }
        let copy = self.current().clone();
        self.levels.push(copy);
        true
    }

    /// Ends a `withScope` level; the root scope is never popped.
    pub fn pop(&mut self) {
        self.levels.pop();
    }

    /// 1 for the root alone.
    pub fn depth(&self) -> usize {
        self.levels.len() + 1
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
    fn with_scope_levels_do_not_leak_and_depth_is_bounded() {
        let mut stack = ScopeStack::default();
        stack.current_mut().set_tag("outer", Some("1".into()));
        assert!(stack.push());
        stack.current_mut().set_tag("inner", Some("2".into()));
        assert_eq!(stack.current().tags.len(), 2);
        stack.pop();
        assert_eq!(stack.current().tags, [("outer".into(), "1".into())]);
        stack.pop();
        stack.pop();
        assert_eq!(stack.depth(), 1);
        while stack.push() {}
        assert_eq!(stack.depth(), MAX_SCOPE_DEPTH);
    }
}
