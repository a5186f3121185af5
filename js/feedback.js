// The peer's user-feedback widget (`feedbackIntegration`): a "Report a Bug"
// button that opens a form whose message goes out with `sendFeedback`. A
// module of its own, so an app that does not import it pays nothing for it.
// Built with plain DOM calls (no innerHTML: pages with Trusted Types), in a
// shadow root under a host element of its own, so the page's CSS does not
// reach it. Unlike the peer's: no screenshots (`enableScreenshot` is
// accepted and ignored: they need an editor and an image attachment), no
// Sentry logo (`showBranding` likewise), and nothing throws into the page.
import { sendFeedback, appUser, getClient } from './sdk.js'

// The peer's defaults, by its option names.
const DEFAULTS = {
  id: 'sentry-feedback',
  autoInject: true,
  showBranding: true,
  isEmailRequired: false,
  isNameRequired: false,
  showEmail: true,
  showName: true,
  enableScreenshot: true,
  useSentryUser: { email: 'email', name: 'username' },
  colorScheme: 'system',
  triggerLabel: 'Report a Bug',
  triggerAriaLabel: '',
  cancelButtonLabel: 'Cancel',
  submitButtonLabel: 'Send Bug Report',
  formTitle: 'Report a Bug',
  emailLabel: 'Email',
  emailPlaceholder: 'your.email@example.org',
  messageLabel: 'Description',
  messagePlaceholder: "What's the bug? What did you expect?",
  nameLabel: 'Name',
  namePlaceholder: 'Your Name',
  successMessageText: 'Thank you for your report!',
  isRequiredLabel: '(required)',
}

// The theme's keys, as CSS variables (`accentBackground` -> `--accent-background`, the peer's names).
const LIGHT = {
  foreground: '#2b2233',
  background: '#ffffff',
  accentForeground: 'white',
  accentBackground: 'rgba(88, 74, 192, 1)',
  successColor: '#268d75',
  errorColor: '#df3338',
  border: '1.5px solid rgba(41, 35, 47, 0.13)',
  boxShadow: '0px 4px 24px 0px rgba(43, 34, 51, 0.12)',
  outline: '1px auto var(--accent-background)',
  interactiveFilter: 'brightness(95%)',
}
// Spelled out, not spread from LIGHT: a spread is a statement a bundler keeps.
const DARK = {
  foreground: '#ebe6ef',
  background: '#29232f',
  accentForeground: 'white',
  accentBackground: 'rgba(88, 74, 192, 1)',
  successColor: '#2da98c',
  errorColor: '#f55459',
  border: '1.5px solid rgba(235, 230, 239, 0.15)',
  boxShadow: '0px 4px 24px 0px rgba(43, 34, 51, 0.12)',
  outline: '1px auto var(--accent-background)',
  interactiveFilter: 'brightness(150%)',
}

// `all: initial !important` on the host: the page's rules for it (even
// `div { display: none !important }`) lose to a shadow tree's important ones,
// and nothing the page sets on its ancestors is inherited into the widget.
const CSS = `
:host{all:initial!important;display:block!important;--font-family:system-ui,'Helvetica Neue',Arial,sans-serif;--font-size:14px;--z-index:100000;--page-margin:16px;--inset:auto 0 0 auto;--actor-inset:var(--inset);--dialog-inset:var(--inset)}
.actor,.dialog,.toast{box-sizing:border-box;font:var(--font-size)/1.5 var(--font-family);color:var(--foreground);fill:currentColor;color-scheme:var(--scheme);z-index:var(--z-index)}
.actor{appearance:none;position:fixed;inset:var(--actor-inset);margin:var(--page-margin);display:flex;align-items:center;gap:8px;padding:16px;font-weight:600;line-height:1.14;background:var(--actor-background,var(--background));color:var(--actor-color,var(--foreground));border:var(--actor-border,var(--border));border-radius:var(--actor-border-radius,1.7em/50%);box-shadow:var(--box-shadow);cursor:pointer;transition:opacity .2s,transform .2s}
.actor[aria-hidden=true]{visibility:hidden;opacity:0;pointer-events:none;transform:translateY(16px)}
.actor svg{width:1.14em;height:1.14em}
.actor:hover,.btn:hover{filter:var(--interactive-filter)}
.actor:focus-visible,.btn:focus-visible,.input:focus-visible{outline:var(--outline);outline-offset:1px}
.dialog{position:fixed;inset:var(--dialog-inset);margin:0;padding:0;border:0;background:none;max-width:100vw;max-height:100vh;overflow:visible}
.dialog::backdrop{background:rgba(0,0,0,.05)}
.panel{box-sizing:border-box;margin:var(--page-margin);width:320px;max-width:calc(100vw - 2 * var(--page-margin));max-height:calc(100vh - 2 * var(--page-margin));overflow:auto;display:flex;flex-direction:column;gap:16px;padding:24px;background:var(--background);border:var(--border);border-radius:20px;box-shadow:var(--box-shadow)}
.title{margin:0;font-size:1.5em;font-weight:600}
fieldset{display:flex;flex-direction:column;gap:8px;min-width:0;margin:0;padding:0;border:0}
.field{display:flex;flex-direction:column;gap:4px}
.req{font-size:.85em}
.input{box-sizing:border-box;font:inherit;font-weight:500;color:inherit;background:transparent;border:var(--border);border-radius:6px;padding:6px 12px}
.input::placeholder{color:inherit;opacity:.65}
textarea.input{resize:vertical}
.error{color:var(--error-color);overflow-wrap:anywhere}
.error:empty,.toast:empty{display:none}
.buttons{display:grid;gap:8px;margin-top:12px}
.btn{appearance:none;font:inherit;font-weight:500;padding:6px 16px;color:var(--foreground);background:var(--background);border:var(--border);border-radius:6px;cursor:pointer}
.primary{color:var(--accent-foreground);background:var(--accent-background)}
.btn:disabled{opacity:.6;cursor:default}
.toast{position:fixed;inset:var(--dialog-inset);margin:var(--page-margin);display:flex;align-items:center;gap:6px;padding:12px 24px;font-weight:600;color:var(--success-color);background:var(--background);border:var(--border);border-radius:1.7em/50%;box-shadow:var(--box-shadow);cursor:default}
.toast svg{width:16px;height:16px}
@media (max-width:600px){.actor span{display:none}.dialog{inset:0}.panel{width:auto}}
`
const ICON = 'M3 3h14a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H9l-5 4v-4H3a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm1 4v2h12V7zm0 4v2h8v-2z'
const CHECK = 'M10 1a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm4.2 5.3-5.4 5.6-3-3-1.5 1.4 4.5 4.5 6.8-7z'
const SUCCESS_MS = 5000 // as the peer's: how long the success message stays
const CALLBACKS = ['onFormOpen', 'onFormClose', 'onSubmitSuccess', 'onSubmitError', 'onFormSubmitted']
const NO_ACTOR = { el: undefined, appendToDom() {}, removeFromDom() {}, show() {}, hide() {} }

// An app's callback: what it throws stays here.
const safe = (f, ...args) => {
  try {
    if (typeof f === 'function') f(...args)
  } catch (e) {}
}

// Options given as `undefined` keep the default, as the peer's parameter defaults do.
const defined = (o) => {
  const r = {}
  if (o && typeof o === 'object') for (const k in o) if (o[k] !== undefined) r[k] = o[k]
  return r
}

// As the peer's: `over` wins, but tags and themes are merged and both callbacks run (`over`'s first).
function merge(base, over) {
  over = defined(over)
  const o = { ...base, ...over }
  for (const k of ['tags', 'themeLight', 'themeDark']) o[k] = { ...defined(base[k]), ...defined(over[k]) }
  for (const k of CALLBACKS) o[k] = (...args) => (safe(over[k], ...args), safe(base[k], ...args))
  return o
}

// An element: attributes (`on…`: listeners; `true`: present), then children (strings become text).
function h(tag, attrs, ...children) {
  const el = document.createElement(tag)
  for (const k in attrs) {
    const v = attrs[k]
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v)
    else if (v != null && v !== false) el.setAttribute(k, v === true ? '' : v)
  }
  el.append(...children.filter((c) => c != null && c !== false))
  return el
}

function icon(d) {
  const ns = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(ns, 'svg')
  const path = document.createElementNS(ns, 'path')
  svg.setAttribute('viewBox', '0 0 20 20')
  svg.setAttribute('aria-hidden', 'true')
  path.setAttribute('fill-rule', 'evenodd')
  path.setAttribute('d', d)
  svg.append(path)
  return svg
}

// The theme's CSS variables; a value cannot end its rule.
const vars = (t) => Object.keys(LIGHT).map((k) => `--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}:${String(t[k]).replace(/[;{}]/g, '')};`).join('')
function themeCss(o) {
  const light = `:host{${vars({ ...LIGHT, ...o.themeLight })}--scheme:light}`
  const dark = `:host{${vars({ ...DARK, ...o.themeDark })}--scheme:dark}`
  return o.colorScheme === 'dark' ? dark : o.colorScheme === 'light' ? light : `${light}@media (prefers-color-scheme:dark){${dark}}`
}

function style(text, nonce) {
  return h('style', { nonce }, text)
}

// The trigger button.
function createActor(o, root) {
  const label = o.triggerLabel
  const el = h('button', { type: 'button', class: 'actor', 'aria-label': o.triggerAriaLabel || label || DEFAULTS.triggerLabel, 'aria-hidden': 'false' }, icon(ICON), label && h('span', null, label))
  return {
    el,
    appendToDom: () => void root.append(el),
    removeFromDom: () => void el.remove(),
    show: () => el.setAttribute('aria-hidden', 'false'),
    hide: () => el.setAttribute('aria-hidden', 'true'),
  }
}

// The form, in a modal <dialog> (its focus kept inside, the page inert
// behind it), and the success message. `hooks`: the widget's own reactions
// to the user closing it and to the success message ending.
function createDialog(o, root, hooks, titleId) {
  const doc = document
  // The space: a screen reader reads "Email (required)", not one word.
  const required = (on) => on && [' ', h('span', { class: 'req' }, o.isRequiredLabel)]
  const field = (label, isRequired, control) => h('label', { class: 'field' }, h('span', null, label, ...(required(isRequired) || [])), control)
  const input = (name, type, shown, isRequired, label, placeholder, autocomplete) => {
    const el = h('input', shown ? { class: 'input', name, type, placeholder, required: isRequired, autocomplete } : { name, type: 'hidden' })
    return [el, shown && field(label, isRequired, el)]
  }
  const [name, nameField] = input('name', 'text', o.showName || o.isNameRequired, o.isNameRequired, o.nameLabel, o.namePlaceholder, 'name')
  const [email, emailField] = input('email', 'email', o.showEmail || o.isEmailRequired, o.isEmailRequired, o.emailLabel, o.emailPlaceholder, 'email')
  const message = h('textarea', { class: 'input', name: 'message', rows: 5, placeholder: o.messagePlaceholder, required: true, autofocus: true })
  const error = h('div', { class: 'error', role: 'alert' })
  const submit = h('button', { type: 'submit', class: 'btn primary' }, o.submitButtonLabel)
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => userClose() }, o.cancelButtonLabel)
  const fieldset = h('fieldset', null, error, nameField || name, emailField || email, field(o.messageLabel, true, message), h('div', { class: 'buttons' }, submit, cancel))
  const form = h('form', { class: 'form', onsubmit: onSubmit }, fieldset)
  const dialog = h('dialog', {
    class: 'dialog',
    'aria-labelledby': titleId,
    // The backdrop (the dialog itself, not its panel) closes it, as the peer's overlay does.
    onclick: (e) => e.target === dialog && userClose(),
    onkeydown: (e) => e.key === 'Escape' && !e.isComposing && (e.preventDefault(), userClose()),
    // A modal dialog's own Escape; `close`: one the browser closed without asking.
    oncancel: (e) => (e.preventDefault(), userClose()),
    onclose: () => isOpen && userClose(),
  }, h('div', { class: 'panel' }, h('h2', { class: 'title', id: titleId }, o.formTitle), form))
  const toast = h('div', { class: 'toast', role: 'status', onclick: () => toastDone() })
  const el = h('div', null, dialog, toast)
  const errorMessages = { ERROR_EMPTY_MESSAGE: o.errorEmptyMessageText, ERROR_NO_CLIENT: o.errorNoClientText, ERROR_TIMEOUT: o.errorTimeoutText, ERROR_FORBIDDEN: o.errorForbiddenText, ERROR_GENERIC: o.errorGenericText }
  let isOpen = false, busy = false, overflow = '', focused, timer
  const prefilled = {}

  // The app's user, read at each opening; a field the user typed into keeps what they typed.
  function prefill() {
    const user = appUser() || {}
    const keys = o.useSentryUser || {}
    for (const [k, el] of [['name', name], ['email', email]]) {
      const v = keys[k] && user[keys[k]] != null ? String(user[keys[k]]) : ''
      if (!el.value || el.value === prefilled[k]) el.value = prefilled[k] = v
    }
  }
  function clearToast() {
    clearTimeout(timer)
    toast.replaceChildren()
  }
  function toastDone() {
    if (!toast.firstChild) return
    clearToast()
    hooks.submitted()
    safe(o.onFormSubmitted)
  }
  function open() {
    try {
      if (!el.isConnected) api.appendToDom()
      clearToast()
      prefill()
      if (!isOpen) {
        focused = doc.activeElement
        while (focused && focused.shadowRoot && focused.shadowRoot.activeElement) focused = focused.shadowRoot.activeElement
        try {
          dialog.showModal()
        } catch (e) {
          dialog.setAttribute('open', '')
        }
        isOpen = true
        overflow = doc.body.style.overflow
        doc.body.style.overflow = 'hidden'
        o.onFormOpen()
      }
      message.focus()
    } catch (e) {}
  }
  function close() {
    try {
      if (!isOpen) return
      isOpen = false
      if (dialog.open) dialog.close()
      doc.body.style.overflow = overflow
    } catch (e) {}
  }
  function userClose() {
    if (!isOpen) return
    close()
    o.onFormClose()
    hooks.closed()
    try {
      if (focused && focused.isConnected) focused.focus()
    } catch (e) {}
  }
  function setBusy(on) {
    busy = fieldset.disabled = submit.disabled = on
    form.setAttribute('aria-busy', String(on))
  }

  async function onSubmit(e) {
    e.preventDefault()
    if (busy) return
    const data = { name: name.value.trim(), email: email.value.trim(), message: message.value.trim(), attachments: undefined }
    // `required` stops empty fields; these are the fields of spaces only, worded as the peer's.
    const missing = [o.isNameRequired && !data.name && o.nameLabel, o.isEmailRequired && !data.email && o.emailLabel, !data.message && o.messageLabel].filter(Boolean)
    if (missing.length) return void (error.textContent = `Please enter in the following required fields: ${missing.join(', ')}`)
    error.textContent = ''
    setBusy(true)
    try {
      const tags = Object.keys(o.tags).length ? o.tags : undefined
      const href = doc.location.href
      const id = await new Promise((resolve) => resolve(sendFeedback({ name: data.name || undefined, email: data.email || undefined, message: data.message, tags, source: 'widget', url: href }, { errorMessages })))
      setBusy(false)
      close()
      form.reset()
      o.onSubmitSuccess(data, id)
      toast.replaceChildren(o.successMessageText, icon(CHECK))
      timer = setTimeout(toastDone, SUCCESS_MS)
    } catch (err) {
      setBusy(false)
      error.textContent = (err && err.message) || String(err)
      o.onSubmitError(err)
      try {
        message.focus()
      } catch (e) {}
    }
  }

  const api = {
    el,
    appendToDom() {
      try {
        if (!el.isConnected) root.append(el)
      } catch (e) {}
    },
    removeFromDom() {
      close()
      clearToast()
      el.remove()
    },
    open,
    close,
  }
  return api
}

/**
 * As the peer's (off unless added): the feedback widget, a button at the
 * bottom right (`autoInject`, default true) opening a form; the peer's
 * options, and `attachTo`, `createWidget`, `createForm`, `setTheme`, `remove`.
 */
export function feedbackIntegration(options) {
  const base = merge(DEFAULTS, options)
  let shadow, theme, themed, pending, injected
  let subs = []
  let seq = 0

  // The host and its shadow root, made at the first use, with the first user's options (as the peer's).
  function root(o) {
    if (!shadow) {
      const doc = document
      const host = doc.createElement('div')
      host.id = String(o.id)
      ;(doc.body || doc.documentElement).append(host)
      shadow = host.attachShadow({ mode: 'open' })
      themed = { ...o }
      theme = style(themeCss(themed), o.styleNonce)
      shadow.append(theme, style(CSS, o.styleNonce))
    }
    return shadow
  }

  // Opens a dialog at each click on `target`, made at the first.
  function attach(target, o, hooks) {
    let dialog
    const onClick = () => {
      try {
        dialog = dialog || createDialog(o, root(o), {
          closed: () => hooks.closed(),
          submitted: () => (dialog.removeFromDom(), hooks.submitted()),
        }, `${o.id}-title-${++seq}`)
        dialog.appendToDom()
        dialog.open()
      } catch (e) {}
    }
    target.addEventListener('click', onClick)
    const unsubscribe = () => {
      subs = subs.filter((s) => s !== unsubscribe)
      target.removeEventListener('click', onClick)
      if (dialog) dialog.removeFromDom()
      dialog = undefined
    }
    subs.push(unsubscribe)
    return unsubscribe
  }

  function widget(over) {
    try {
      const o = merge(base, over)
      const actor = createActor(o, root(o))
      // Hidden while its form is open and while the success message shows.
      attach(actor.el, { ...o, onFormOpen: (...a) => (actor.hide(), o.onFormOpen(...a)) }, { closed: actor.show, submitted: actor.show })
      actor.appendToDom()
      return actor
    } catch (e) {
      return NO_ACTOR
    }
  }

  return {
    name: 'Feedback',
    setupOnce() {
      try {
        if (!base.autoInject || injected || typeof document === 'undefined') return
        injected = true
        // `init` may run in the page's <head>, before there is a body.
        if (document.readyState === 'loading') {
          pending = () => (pending = undefined, widget())
          document.addEventListener('DOMContentLoaded', pending, { once: true })
        } else widget()
      } catch (e) {}
    },
    /** Opens the form at each click on the element (or the first matching the selector); the function returned undoes it. */
    attachTo(el, over) {
      try {
        const target = typeof el === 'string' ? document.querySelector(el) : el
        // The peer's throws here; a page's widget is not worth its page.
        if (target && typeof target.addEventListener === 'function') return attach(target, merge(base, over), { closed() {}, submitted() {} })
      } catch (e) {}
      return () => {}
    },
    /** A button in the page opening the form. */
    createWidget: (over) => widget(over),
    /** A form of its own, for the app to `appendToDom` and `open`. */
    createForm(over) {
      return new Promise((resolve) => {
        const o = merge(base, over)
        let dialog
        const hooks = { closed() {}, submitted: () => dialog.close() }
        resolve(dialog = createDialog(o, root(o), hooks, `${o.id}-title-${++seq}`))
      })
    },
    /** As the peer's: 'light', 'dark' or 'system', from now on. */
    setTheme(colorScheme) {
      try {
        base.colorScheme = colorScheme
        if (theme) theme.textContent = themeCss({ ...themed, colorScheme })
      } catch (e) {}
    },
    /** Takes the host element and everything in it out of the page, and the listeners of `attachTo`. */
    remove() {
      try {
        if (pending) document.removeEventListener('DOMContentLoaded', pending)
        pending = undefined
        for (const unsubscribe of subs.slice()) unsubscribe()
        if (shadow) shadow.host.remove()
        shadow = theme = undefined
      } catch (e) {}
    },
  }
}

/** As the peer's: here the same integration; the widget's code is in the app's bundle either way. */
export const feedbackSyncIntegration = feedbackIntegration
export const feedbackAsyncIntegration = feedbackIntegration

/** As the peer's: the Feedback integration the SDK was started with (or added), if any. */
export function getFeedback() {
  try {
    const client = getClient()
    return client && client.getIntegrationByName('Feedback')
  } catch (e) {}
}
