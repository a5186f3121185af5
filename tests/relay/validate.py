"""Validates events with Relay's own normaliser (the `sentry-relay` package).

An event fails when Relay reports an error for any field, marks any value
invalid in `_meta`, or silently drops a field the SDK sent.

  validate.py            JSON array of events on stdin -> JSON array of problem lists
  validate.py --normalized  JSON array of events on stdin -> the events as Relay stores them
  validate.py DIR...     every *.json event under DIR; prints a line per event and a count

Normalisation runs as Sentry's ingestion does, deriving the browser and OS
contexts from the request's User-Agent.
"""
import json
import pathlib
import sys

from sentry_relay.processing import StoreNormalizer

_normalizer = StoreNormalizer(project_id=1, normalize_user_agent=True)


def _meta_errors(meta, path=""):
    """Yields `path: reason` for every value Relay marked invalid."""
    if not isinstance(meta, dict):
        return
    for key, sub in meta.items():
        if key == "":
            for err in sub.get("err", []) if isinstance(sub, dict) else []:
                yield f"{path or '<root>'}: {err}"
        else:
            yield from _meta_errors(sub, f"{path}.{key}" if path else key)


def _dropped(sent, kept, path=""):
    """Yields the paths of values the SDK sent that Relay's output lacks."""
    if isinstance(sent, dict) and isinstance(kept, dict):
        for key, value in sent.items():
            sub = f"{path}.{key}" if path else key
            if key not in kept or (kept[key] is None and value is not None):
                yield sub
            else:
                yield from _dropped(value, kept[key], sub)
    elif isinstance(sent, list) and isinstance(kept, list):
        if len(kept) < len(sent):
            yield f"{path}[{len(kept)}:]"
        for i, (a, b) in enumerate(zip(sent, kept)):
            yield from _dropped(a, b, f"{path}.{i}")


def _canonical(event):
    """What the SDK sent, with Relay's documented rewrites applied, so that
    a rename is not reported as a drop: a log entry without params keeps its
    text in `formatted`."""
    entry = event.get("logentry")
    if isinstance(entry, dict) and "message" in entry and not entry.get("params"):
        entry = dict(entry)
        entry.setdefault("formatted", entry.pop("message"))
        event = {**event, "logentry": entry}
    return event


def problems(event):
    try:
        out = _normalizer.normalize_event(event)
    except Exception as e:  # Relay refusing the payload outright
        return [f"relay refused the event: {e}"]
    found = [f"{e.get('name')}: {e.get('type')} {e.get('reason', '')}".strip() for e in out.get("errors") or []]
    found += list(_meta_errors(out.get("_meta") or {}))
    found += [f"dropped by relay: {p}" for p in _dropped(_canonical(event), out)]
    return found


def main(argv):
    if argv[1:] == ["--normalized"]:
        json.dump([_normalizer.normalize_event(e) for e in json.load(sys.stdin)], sys.stdout)
        return 0
    if len(argv) == 1:
        events = json.load(sys.stdin)
        json.dump([problems(e) for e in events], sys.stdout)
        return 0
    passed = failed = 0
    for root in argv[1:]:
        for path in sorted(pathlib.Path(root).rglob("*.json")):
            found = problems(json.loads(path.read_text()))
            if found:
                failed += 1
                print(f"FAIL {path}: " + "; ".join(found))
            else:
                passed += 1
                print(f"ok   {path}")
    print(f"relay: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
