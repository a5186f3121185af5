// The user-feedback widget (feedbackIntegration, js/feedback.js) as a
// migrating app's users meet it, in real headless Chromium and Firefox: the
// button in the page, the form it opens, what arrives when they send it.
// Driven as a user would, inside the widget's shadow root (clicks are
// trusted ones where the element is in the page's own DOM, and in Chromium
// everywhere); every feedback item is validated by Relay.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { test } from 'node:test'
import * as esbuild from 'esbuild'
import { assertTypes, typecheck } from '../support/types.mjs'
import { browserFixture, forEachBrowser, openApiPage } from '../support/browsers.mjs'
import { assertValidByRelay } from '../support/relay.mjs'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

// In-page helpers, installed on each page: `fb.$(sel, id)` queries the
// widget's shadow root; `fb.shown` is true when the element is where a user
// would click it (hit-tested, so hidden or covered does not count).
function installHelpers() {
  const root = (id = 'sentry-feedback') => document.getElementById(id)?.shadowRoot
  const $ = (sel, id) => root(id)?.querySelector(sel) ?? null
  const shown = (sel, id) => {
    const el = typeof sel === 'string' ? $(sel, id) : sel
    if (!el || !el.isConnected) return false
    const r = el.getBoundingClientRect()
    if (!r.width || !r.height) return false
    const at = el.getRootNode().elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return !!at && (at === el || el.contains(at))
  }
  window.calls = window.calls || []
  window.fb = {
    root,
    $,
    shown,
    click(sel, id) {
      if (!shown(sel, id)) throw new Error(`${sel} is not where a user could click it`)
      $(sel, id).click()
    },
    type(sel, value, id) {
      const el = $(sel, id)
      el.focus()
      el.value = value
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
    },
    submit(id) {
      $('form', id).requestSubmit()
      return $('button[type=submit]', id).disabled
    },
    state(id) {
      const dialog = $('dialog', id)
      const actor = $('.actor', id)
      const r = root(id)
      return {
        open: !!dialog?.open,
        modal: !!dialog?.matches(':modal'),
        actor: actor ? actor.getAttribute('aria-hidden') !== 'true' && shown(actor) : null,
        focused: r?.activeElement?.name || r?.activeElement?.className || null,
        error: $('.error', id)?.textContent || '',
        toast: $('.toast', id)?.textContent || '',
      }
    },
  }
}

forEachBrowser((name, launch, test) => {
  let receiver, site, browser

  browserFixture(launch, (fx) => ({ receiver, site, browser } = fx))

  /** The API page, `init` with `optionsSource`, the helpers installed. */
  async function openPage(optionsSource) {
    const page = await openApiPage({ browser, site, receiver }, optionsSource)
    await page.evaluate(installHelpers)
    return page
  }

  /** A user's click on the widget's `sel`: Playwright's (trusted, hit-tested) in Chromium, else the DOM's after a hit test. */
  async function click(page, sel, id = 'sentry-feedback') {
    if (name === 'chromium') await page.click(`#${id} ${sel}`)
    else await page.evaluate(([s, i]) => window.fb.click(s, i), [sel, id])
  }

  /** The feedback items that arrive while `fn` runs, after a flush. */
  async function feedbackOf(page, fn, expect = 1) {
    const start = receiver.feedback().length
    await fn()
    await page.evaluate(() => window.Sentry.flush(5000))
    const deadline = Date.now() + 5000
    while (receiver.feedback().length < start + expect && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 100))
    return receiver.feedback().slice(start)
  }

  const state = (page, id) => page.evaluate((i) => window.fb.state(i), id)

  test('the button opens an accessible modal form; what the user sends arrives as widget feedback; the success message shows, then the button again', async () => {
    const page = await openPage(`{ release: 'shop@1', integrations: [window.Sentry.feedbackIntegration({
      tags: { area: 'checkout' },
      onFormOpen: () => window.calls.push('open'),
      onFormClose: () => window.calls.push('close'),
      onSubmitSuccess: (data, id) => window.calls.push(['success', data.name, data.email, data.message, 'attachments' in data && data.attachments === undefined, id]),
      onFormSubmitted: () => window.calls.push('submitted'),
    })] }`)
    await page.waitForFunction(() => window.fb.shown('.actor'))
    const actor = await page.evaluate(() => {
      const a = window.fb.$('.actor')
      return { text: a.textContent, label: a.getAttribute('aria-label'), type: a.type, mode: window.fb.root().mode }
    })
    assert.deepEqual(actor, { text: 'Report a Bug', label: 'Report a Bug', type: 'button', mode: 'open' })

    await click(page, '.actor')
    await page.waitForFunction(() => window.fb.state().open)
    assert.deepEqual(await state(page), { open: true, modal: true, actor: false, focused: 'message', error: '', toast: '' })
    const form = await page.evaluate(() => {
      const $ = window.fb.$
      const dialog = $('dialog')
      const label = (n) => $(`[name=${n}]`).labels[0].textContent
      return {
        title: window.fb.root().getElementById(dialog.getAttribute('aria-labelledby')).textContent,
        labels: [label('name'), label('email'), label('message')],
        placeholders: ['name', 'email', 'message'].map((n) => $(`[name=${n}]`).placeholder),
        required: ['name', 'email', 'message'].map((n) => $(`[name=${n}]`).required),
        buttons: [...dialog.querySelectorAll('button')].map((b) => [b.type, b.textContent]),
        shown: ['[name=name]', '[name=email]', '[name=message]', 'button[type=submit]'].every((s) => window.fb.shown(s)),
        overflow: document.body.style.overflow,
      }
    })
    assert.deepEqual(form, {
      title: 'Report a Bug',
      labels: ['Name', 'Email', 'Description (required)'],
      placeholders: ['Your Name', 'your.email@example.org', "What's the bug? What did you expect?"],
      required: [false, false, true],
      buttons: [['submit', 'Send Bug Report'], ['button', 'Cancel']],
      shown: true,
      overflow: 'hidden',
    })

    const items = await feedbackOf(page, async () => {
      const disabled = await page.evaluate(() => {
        window.fb.type('[name=name]', 'Ada L.')
        window.fb.type('[name=email]', 'ada@example.com')
        window.fb.type('[name=message]', '  The pay button does nothing  ')
        return window.fb.submit()
      })
      assert.equal(disabled, true, 'the submit button is disabled while sending')
      await page.waitForFunction(() => window.fb.state().toast)
    })
    assert.equal(items.length, 1)
    const [item] = items
    assert.deepEqual(item.contexts.feedback, {
      contact_email: 'ada@example.com', name: 'Ada L.', message: 'The pay button does nothing',
      url: `${site.url}/fixtures/api.html`, source: 'widget',
    })
    assert.deepEqual([item.type, item.release, item.tags], ['feedback', 'shop@1', { area: 'checkout' }])
    assertValidByRelay(items, `${name}-feedback-widget`)

    assert.deepEqual(await state(page), { open: false, modal: false, actor: false, focused: null, error: '', toast: 'Thank you for your report!' })
    assert.equal(await page.evaluate(() => document.body.style.overflow), '')
    assert.deepEqual(await page.evaluate(() => window.calls), ['open', ['success', 'Ada L.', 'ada@example.com', 'The pay button does nothing', true, item.event_id]])
    // A click ends the success message (else it goes after 5 s, as the peer's); the button is back.
    await click(page, '.toast')
    assert.deepEqual(await state(page), { open: false, modal: false, actor: true, focused: null, error: '', toast: '' })
    assert.equal((await page.evaluate(() => window.calls)).at(-1), 'submitted')
    // Opened again: an empty form.
    await click(page, '.actor')
    assert.equal(await page.evaluate(() => window.fb.$('[name=message]').value), '')
    assert.deepEqual(page.pageErrors, [])
    await page.close()
  })

  test('name and email are prefilled from setUser (useSentryUser), read each time the form opens; a field the user typed into keeps it', async () => {
    const page = await openPage(`{ integrations: [window.Sentry.feedbackIntegration()] }`)
    await page.evaluate(async () => {
      window.Sentry.setUser({ id: 7, username: 'ada', email: 'ada@example.com' })
      await window.Sentry.flush(5000)
    })
    await click(page, '.actor')
    const values = () => page.evaluate(() => ['name', 'email'].map((n) => window.fb.$(`[name=${n}]`).value))
    assert.deepEqual(await values(), ['ada', 'ada@example.com'])
    await page.evaluate(() => window.fb.type('[name=name]', 'Ada Lovelace'))
    await click(page, '.buttons button[type=button]')
    await page.evaluate(async () => {
      window.Sentry.setUser({ username: 'grace', email: 'grace@example.com' })
      await window.Sentry.flush(5000)
    })
    await click(page, '.actor')
    assert.deepEqual(await values(), ['Ada Lovelace', 'grace@example.com'])
    const items = await feedbackOf(page, async () => {
      await page.evaluate(() => (window.fb.type('[name=message]', 'Prefilled'), window.fb.submit()))
      await page.waitForFunction(() => window.fb.state().toast)
    })
    assert.deepEqual([items[0].contexts.feedback.name, items[0].contexts.feedback.contact_email], ['Ada Lovelace', 'grace@example.com'])
    assertValidByRelay(items, `${name}-feedback-prefill`)
    await page.close()

    // Other fields of the user; name and email not shown, but still sent.
    const other = await openPage(`{ integrations: [window.Sentry.feedbackIntegration({ useSentryUser: { name: 'name', email: 'email' }, showName: false, showEmail: false })] }`)
    await other.evaluate(async () => {
      window.Sentry.setUser({ name: 'Grace Hopper', email: 'grace@example.com', username: 'gh' })
      await window.Sentry.flush(5000)
    })
    await click(other, '.actor')
    assert.deepEqual(await other.evaluate(() => [window.fb.$('label [name=name]'), window.fb.$('[name=name]').type, window.fb.$('[name=email]').type]), [null, 'hidden', 'hidden'])
    const hidden = await feedbackOf(other, async () => {
      await other.evaluate(() => (window.fb.type('[name=message]', 'Hidden fields'), window.fb.submit()))
      await other.waitForFunction(() => window.fb.state().toast)
    })
    assert.deepEqual([hidden[0].contexts.feedback.name, hidden[0].contexts.feedback.contact_email], ['Grace Hopper', 'grace@example.com'])
    assertValidByRelay(hidden, `${name}-feedback-prefill-hidden`)
    await other.close()
  })

  test('required fields: no message, no submit (the browser\'s validation); spaces only are refused with the peer\'s message; a required email is marked', async () => {
    const page = await openPage(`{ integrations: [window.Sentry.feedbackIntegration({ isEmailRequired: true, isRequiredLabel: '*' })] }`)
    await click(page, '.actor')
    const items = await feedbackOf(page, async () => {
      const empty = await page.evaluate(() => {
        window.fb.type('[name=email]', 'ada@example.com')
        window.fb.submit()
        return [window.fb.$('[name=message]').validity.valueMissing, window.fb.$('[name=email]').labels[0].textContent, window.fb.$('[name=email]').required]
      })
      assert.deepEqual(empty, [true, 'Email *', true])
      await page.evaluate(() => (window.fb.type('[name=message]', '   '), window.fb.submit()))
    }, 0)
    assert.deepEqual(items, [], 'nothing was sent')
    assert.deepEqual(await state(page), { open: true, modal: true, actor: false, focused: 'message', error: 'Please enter in the following required fields: Description', toast: '' })
    await page.close()
  })

  test('Escape, the cancel button and the backdrop close the form without sending; focus goes back', async () => {
    const page = await openPage(`{ integrations: [window.Sentry.feedbackIntegration({ onFormClose: () => window.calls.push('close') })] }`)
    const items = await feedbackOf(page, async () => {
      await click(page, '.actor')
      await page.evaluate(() => window.fb.type('[name=message]', 'never sent'))
      if (page.keyboard) await page.keyboard.press('Escape')
      else await page.evaluate(() => window.fb.$('[name=message]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true })))
      await page.waitForFunction(() => !window.fb.state().open)
      const after = await state(page)
      assert.deepEqual([after.open, after.actor, after.toast], [false, true, ''])
      // Playwright's click focused the button; focus is back on it.
      if (name === 'chromium') assert.equal(after.focused, 'actor')
      assert.equal(await page.evaluate(() => document.body.style.overflow), '')

      await click(page, '.actor')
      assert.equal(await page.evaluate(() => window.fb.$('[name=message]').value), 'never sent', 'what was typed is kept')
      await click(page, '.buttons button[type=button]')
      assert.equal((await state(page)).open, false)

      await click(page, '.actor')
      // A click on the backdrop is a click on the <dialog> itself, outside its panel.
      await page.evaluate(() => window.fb.$('dialog').click())
      assert.equal((await state(page)).open, false)
    }, 0)
    assert.deepEqual(items, [])
    assert.deepEqual(await page.evaluate(() => window.calls), ['close', 'close', 'close'])
    await page.close()
  })

  test('attachTo the app\'s own button (a selector or the element); the unsubscribe stops it; a missing element throws nothing', async () => {
    const page = await openPage(`{ integrations: [window.Sentry.feedbackIntegration({ autoInject: false })] }`)
    await page.evaluate(() => {
      const f = window.Sentry.getFeedback()
      window.unsubscribe = f.attachTo('#btn', { formTitle: 'Tell us what broke', onFormSubmitted: () => window.calls.push('submitted') })
      window.missing = typeof f.attachTo('#no-such-element')
    })
    assert.equal(await page.evaluate(() => window.missing), 'function')
    assert.equal(await page.evaluate(() => window.fb.$('.actor')), null, 'no button of the widget\'s own')
    const items = await feedbackOf(page, async () => {
      await page.click('#btn')
      await page.waitForFunction(() => window.fb.state().open)
      assert.equal(await page.evaluate(() => window.fb.$('.title').textContent), 'Tell us what broke')
      await page.evaluate(() => (window.fb.type('[name=message]', 'From the app\'s button'), window.fb.submit()))
      await page.waitForFunction(() => window.fb.state().toast)
    })
    assert.equal(items[0].contexts.feedback.message, 'From the app\'s button')
    assert.equal(items[0].contexts.feedback.source, 'widget')
    assertValidByRelay(items, `${name}-feedback-attach`)
    await page.evaluate(() => window.fb.$('.toast').click())
    assert.deepEqual(await page.evaluate(() => [window.calls, window.fb.$('dialog')]), [['submitted'], null], 'the form left the page after it was sent')
    // Again, then unsubscribed: the click opens nothing.
    await page.click('#btn')
    assert.equal((await state(page)).open, true)
    await page.evaluate(() => window.unsubscribe())
    assert.equal(await page.evaluate(() => window.fb.$('dialog')), null)
    await page.click('#btn')
    assert.equal(await page.evaluate(() => window.fb.$('dialog')), null)
    // An element, rather than a selector.
    await page.evaluate(() => { window.Sentry.getFeedback().attachTo(document.getElementById('field')) })
    await page.click('#field')
    assert.equal((await state(page)).open, true)
    assert.deepEqual(page.pageErrors, [])
    await page.close()
  })

  test('createForm: appendToDom then open; close and removeFromDom', async () => {
    const page = await openPage(`{ integrations: [window.Sentry.feedbackIntegration({ autoInject: false })] }`)
    const shape = await page.evaluate(async () => {
      const form = await window.Sentry.getFeedback().createForm({ formTitle: 'Your thoughts', showName: false, submitButtonLabel: 'Send' })
      window.form = form
      form.appendToDom()
      form.open()
      return [typeof form.appendToDom, typeof form.removeFromDom, typeof form.open, typeof form.close, form.el.isConnected, form.el.getRootNode() === window.fb.root()]
    })
    assert.deepEqual(shape, ['function', 'function', 'function', 'function', true, true])
    assert.deepEqual(await state(page), { open: true, modal: true, actor: null, focused: 'message', error: '', toast: '' })
    assert.deepEqual(await page.evaluate(() => [window.fb.$('.title').textContent, window.fb.$('button[type=submit]').textContent, window.fb.$('[name=name]').type]), ['Your thoughts', 'Send', 'hidden'])
    const items = await feedbackOf(page, async () => {
      await page.evaluate(() => (window.fb.type('[name=email]', 'ada@example.com'), window.fb.type('[name=message]', 'From createForm'), window.fb.submit()))
      await page.waitForFunction(() => window.fb.state().toast)
    })
    assert.deepEqual(items[0].contexts.feedback, { contact_email: 'ada@example.com', message: 'From createForm', url: `${site.url}/fixtures/api.html`, source: 'widget' })
    assertValidByRelay(items, `${name}-feedback-create-form`)
    const after = await page.evaluate(() => {
      const form = window.form
      form.open()
      const opened = window.fb.state().open
      form.close()
      const closed = !window.fb.state().open
      form.removeFromDom()
      return [opened, closed, form.el.isConnected, document.body.style.overflow]
    })
    assert.deepEqual(after, [true, true, false, ''])
    await page.close()
  })

  test('autoInject: false injects nothing; createWidget, the widget\'s show/hide, and remove(); getFeedback and the aliases', async () => {
    const blank = await openPage(`{ dsn: '' }`)
    assert.deepEqual(await blank.evaluate(() => [window.Sentry.getFeedback() === undefined, window.Sentry.feedbackSyncIntegration === window.Sentry.feedbackIntegration, window.Sentry.feedbackAsyncIntegration === window.Sentry.feedbackIntegration]), [true, true, true])
    await blank.close()

    const page = await openPage(`{ integrations: [window.Sentry.feedbackIntegration({ autoInject: false, id: 'app-feedback' })] }`)
    await page.evaluate(() => window.Sentry.flush(5000))
    assert.deepEqual(await page.evaluate(() => [document.getElementById('app-feedback'), document.getElementById('sentry-feedback'), window.Sentry.getFeedback()?.name]), [null, null, 'Feedback'])
    const widget = await page.evaluate(() => {
      const w = window.Sentry.getFeedback().createWidget({ triggerLabel: 'Feedback?', triggerAriaLabel: 'Send us feedback' })
      window.widget = w
      return [w.el.textContent, w.el.getAttribute('aria-label'), typeof w.show, typeof w.hide, typeof w.appendToDom, typeof w.removeFromDom]
    })
    assert.deepEqual(widget, ['Feedback?', 'Send us feedback', 'function', 'function', 'function', 'function'])
    assert.equal(await page.evaluate(() => window.fb.shown('.actor', 'app-feedback')), true)
    assert.equal(await page.evaluate(() => (window.widget.hide(), window.fb.shown('.actor', 'app-feedback'))), false)
    assert.equal(await page.evaluate(() => (window.widget.show(), window.fb.shown('.actor', 'app-feedback'))), true)
    await click(page, '.actor', 'app-feedback')
    assert.equal((await state(page, 'app-feedback')).open, true)
    await page.evaluate(() => window.Sentry.getFeedback().attachTo('#btn'))
    await page.evaluate(() => window.Sentry.getFeedback().remove())
    assert.deepEqual(await page.evaluate(() => [document.getElementById('app-feedback'), document.body.style.overflow]), [null, ''])
    await page.click('#btn')
    assert.equal(await page.evaluate(() => document.getElementById('app-feedback')), null, 'remove() also ended attachTo')
    // And it can be used again.
    await page.evaluate(() => window.Sentry.getFeedback().createWidget())
    assert.equal(await page.evaluate(() => window.fb.shown('.actor', 'app-feedback')), true)
    await page.close()
  })

  test('colorScheme: light, dark and the system\'s; themeLight/themeDark and setTheme', async () => {
    const page = await openPage(`{ integrations: [
      window.Sentry.feedbackIntegration({ id: 'light', colorScheme: 'light' }),
      window.Sentry.feedbackIntegration({ id: 'dark', colorScheme: 'dark' }),
      window.Sentry.feedbackIntegration({ id: 'custom', colorScheme: 'dark', themeDark: { background: 'rgb(1, 2, 3)', foreground: 'rgb(250, 250, 0)' } }),
      window.Sentry.feedbackIntegration({ id: 'system' }),
    ] }`)
    const looks = () => page.evaluate(() => Object.fromEntries(['light', 'dark', 'custom', 'system'].map((id) => {
      const s = getComputedStyle(window.fb.$('.actor', id))
      return [id, [s.backgroundColor, s.color, s.colorScheme, s.position]]
    })))
    const light = ['rgb(255, 255, 255)', 'rgb(43, 34, 51)', 'light', 'fixed']
    const dark = ['rgb(41, 35, 47)', 'rgb(235, 230, 239)', 'dark', 'fixed']
    await page.waitForFunction(() => window.fb.shown('.actor', 'system'))
    const systemDark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
    assert.deepEqual(await looks(), { light, dark, custom: ['rgb(1, 2, 3)', 'rgb(250, 250, 0)', 'dark', 'fixed'], system: systemDark ? dark : light })
    if (page.emulateMedia) {
      await page.emulateMedia({ colorScheme: 'dark' })
      assert.deepEqual((await looks()).system, dark)
      await page.emulateMedia({ colorScheme: 'light' })
      assert.deepEqual((await looks()).system, light)
    }
    // The form too; setTheme changes a widget already in the page.
    // (The four buttons are at the same place: a DOM click, not a user's.)
    await page.evaluate(() => window.fb.$('.actor', 'dark').click())
    assert.equal(await page.evaluate(() => getComputedStyle(window.fb.$('.panel', 'dark')).backgroundColor), 'rgb(41, 35, 47)')
    await page.evaluate(() => window.Sentry.getClient().getIntegrationByName('Feedback').setTheme('dark'))
    assert.deepEqual((await looks()).light, dark)
    await page.close()
  })

  test('the page\'s own CSS does not reach the widget', async () => {
    const page = await openPage(`{ integrations: [window.Sentry.feedbackIntegration()] }`)
    await page.evaluate(() => {
      const css = document.createElement('style')
      css.textContent = `
        button, dialog, textarea, input, div { display: none !important }
        * { color: red !important; font-size: 40px !important; font-family: monospace !important; text-transform: uppercase; visibility: hidden; opacity: 0.1 }
        #sentry-feedback { display: none; position: absolute; left: -9999px }
        html, body { visibility: visible; opacity: 1 }`
      document.head.append(css)
    })
    await page.waitForFunction(() => window.fb.shown('.actor'))
    const looks = await page.evaluate(() => {
      const s = getComputedStyle(window.fb.$('.actor'))
      return [s.fontSize, s.color, s.textTransform, s.visibility, s.opacity]
    })
    assert.deepEqual(looks, ['14px', 'rgb(43, 34, 51)', 'none', 'visible', '1'])
    await click(page, '.actor')
    assert.equal(await page.evaluate(() => ['[name=message]', 'button[type=submit]', '.title'].every((s) => window.fb.shown(s))), true)
    const items = await feedbackOf(page, async () => {
      await page.evaluate(() => (window.fb.type('[name=message]', 'Styled by the page'), window.fb.submit()))
      await page.waitForFunction(() => window.fb.shown('.toast'))
    })
    assert.equal(items.length, 1)
    await page.close()
  })

  test('sending fails: the error shows in the form (reworded by errorNoClientText), which stays open; onSubmitError', async () => {
    const page = await openPage(`{ integrations: [window.Sentry.feedbackIntegration({ errorNoClientText: 'Feedback is off right now.', onSubmitError: (e) => window.calls.push(e.message) })] }`)
    await page.evaluate(() => window.Sentry.close(2000))
    await click(page, '.actor')
    await page.evaluate(() => (window.fb.type('[name=message]', 'Lost'), window.fb.submit()))
    await page.waitForFunction(() => window.fb.state().error)
    assert.deepEqual(await state(page), { open: true, modal: true, actor: false, focused: 'message', error: 'Feedback is off right now.', toast: '' })
    assert.deepEqual(await page.evaluate(() => [window.calls, window.fb.$('button[type=submit]').disabled, window.fb.$('fieldset').disabled, window.fb.$('.error').getAttribute('role')]), [['Feedback is off right now.'], false, false, 'alert'])
    await page.close()
  })

  test('init in the page\'s <head>, before there is a body: the button comes when the page is ready', async () => {
    site.fail('/fixtures/feedback-hold.js', 'hang')
    const page = await browser.newPage()
    const loading = page.goto(`${site.url}/fixtures/feedback-early.html?dsn=${encodeURIComponent(receiver.dsn)}`)
    try {
      await page.waitForFunction(() => window.fixtureReady)
      assert.deepEqual(await page.evaluate(() => [window.atInit, !!document.getElementById('sentry-feedback')]), [{ readyState: 'loading', body: false }, false])
    } finally {
      site.fail('/fixtures/feedback-hold.js')
    }
    await loading
    await page.evaluate(installHelpers)
    await page.waitForFunction(() => window.fb.shown('.actor'))
    assert.equal(await page.evaluate(() => document.getElementById('sentry-feedback').parentNode === document.body), true)
    await page.close()
  })
})

test('the TypeScript declarations check as the peer\'s widget is used, and reject a wrong use', () => {
  assertTypes(`
      import * as Sentry from 'wasm-sentry'
      import type { FeedbackIntegration, FeedbackFormData } from 'wasm-sentry'
      const feedback: FeedbackIntegration = Sentry.feedbackIntegration({
        colorScheme: 'dark', showBranding: false, enableScreenshot: false, autoInject: false, id: 'fb',
        useSentryUser: { name: 'username', email: 'email' }, tags: { area: 'checkout', build: 7 },
        themeDark: { background: '#000', accentBackground: 'rebeccapurple' }, themeLight: { foreground: '#111' },
        triggerLabel: 'Feedback', formTitle: 'Tell us', isNameRequired: true, isRequiredLabel: '*',
        onSubmitSuccess: (data: FeedbackFormData, eventId: string) => console.log(data.message, eventId),
        onSubmitError: (error: Error) => console.log(error.message),
        onFormOpen: () => {}, onFormClose: () => {}, onFormSubmitted: () => {},
      })
      Sentry.init({ dsn: 'https://k@h/1', integrations: [feedback, Sentry.feedbackSyncIntegration(), Sentry.feedbackAsyncIntegration()] })
      const unsubscribe: () => void = feedback.attachTo('#report', { formTitle: 'Report' })
      feedback.attachTo(document.createElement('button'))
      unsubscribe()
      const widget = Sentry.getFeedback()?.createWidget({ triggerLabel: 'Bug?' })
      widget?.hide(); widget?.show(); widget?.removeFromDom(); widget?.appendToDom()
      const el: HTMLElement | undefined = widget?.el
      feedback.createForm().then((form) => { form.appendToDom(); form.open(); form.close(); form.removeFromDom(); const div: HTMLElement = form.el; return div })
      feedback.setTheme('light')
      feedback.remove()
      export { el }
    `)
  // An app without the DOM's types (Node) still checks.
  assertTypes(`import * as Sentry from 'wasm-sentry'\nSentry.init({ dsn: 'https://k@h/1', integrations: [Sentry.feedbackIntegration({ autoInject: false })] })\nSentry.getFeedback()?.remove()\n`, ['es2022'])
  assert.throws(() => typecheck(`import * as Sentry from 'wasm-sentry'\nSentry.feedbackIntegration({ colorScheme: 'sepia' })\n`))
})

test('an app that does not import the widget does not carry it; one that does, pays for it alone', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-feedback-size-'))
  try {
    const build = async (source) => {
      fs.writeFileSync(path.join(dir, 'app.js'), source)
      const r = await esbuild.build({
        entryPoints: [path.join(dir, 'app.js')], bundle: true, minify: true, format: 'esm', splitting: true, platform: 'browser',
        outdir: path.join(dir, 'out'), write: false, alias: { 'wasm-sentry': path.join(REPO, 'pkg/index.js') }, logLevel: 'error',
      })
      const entry = r.outputFiles.find((f) => f.path.endsWith('app.js')).contents
      return { text: Buffer.from(entry).toString(), gzip: zlib.gzipSync(entry, { level: 9 }).length, raw: entry.length }
    }
    const plain = await build(`import { init, captureException } from 'wasm-sentry'\ninit({ dsn: 'https://k@h/1' })\nglobalThis.report = captureException\n`)
    const widget = await build(`import { init, captureException, feedbackIntegration } from 'wasm-sentry'\ninit({ dsn: 'https://k@h/1', integrations: [feedbackIntegration()] })\nglobalThis.report = captureException\n`)
    assert.ok(!plain.text.includes('Send Bug Report') && !plain.text.includes('sentry-feedback'), 'no trace of the widget')
    assert.ok(widget.text.includes('Send Bug Report'))
    t.diagnostic(`the widget: +${widget.raw - plain.raw} B raw, +${widget.gzip - plain.gzip} B gzip -9 (shim ${plain.gzip} -> ${widget.gzip})`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
