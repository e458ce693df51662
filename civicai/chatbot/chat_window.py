"""A chat window in the notebook: a question box, answers with their source, a hand-off.

It shows what a citizen would see (each answer names the FAQ entry and the
office it comes from; a low-confidence question goes to a person) and, beside
it, what the agency would store: the same conversation with personal details
masked by `civicai.chatbot.redaction.redact`. The bot itself only sees the
question with those details removed: a name or a phone number says nothing
about which FAQ entry is wanted, and the bot has no need to read it. Everything works from the
keyboard: type, press Enter; Tab reaches the buttons.
"""
from __future__ import annotations

import html

import ipywidgets as widgets
from IPython.display import display

from civicai.chatbot.redaction import redact
from civicai.chatbot.retrieval import FaqBot

_BUBBLE = ("<div style='margin:0.3em 0;padding:0.4em 0.7em;border-radius:6px;"
           "background:{paper};color:#111;max-width:46em;{side}'>{body}</div>")
PERSON_REPLY = ("Thank you. A member of staff will read this conversation and reply to you "
                "within one working day. / Terima kasih. Petugas akan membaca percakapan ini "
                "dan membalas dalam satu hari kerja.")


class ChatWindow:
    """Chat with `bot` (a FaqBot). `send(text)` does what typing and pressing Enter does."""

    def __init__(self, bot: FaqBot, title: str = "Ask the FAQ bot"):
        self.bot, self.title = bot, title
        self.messages: list[tuple[str, str]] = []   # (who, HTML) as the citizen sees them
        self.stored_log: list[dict] = []            # what the agency keeps: masked text
        self._box = widgets.Text(placeholder="Type a question, then press Enter",
                                 continuous_update=False, description="You:",
                                 layout=widgets.Layout(width="70%"))
        self._send = widgets.Button(description="Send", button_style="primary",
                                    tooltip="Send your question to the bot")
        self._person = widgets.Button(description="Talk to a person", icon="user",
                                      tooltip="Hand this conversation to a member of staff")
        self._conversation = widgets.HTML()
        self._stored = widgets.HTML()
        self._box.observe(lambda change: self.send(change["new"]), names="value")
        self._send.on_click(lambda _button: self.send(self._box.value))
        self._person.on_click(lambda _button: self.talk_to_person())
        self._render()

    def send(self, question: str):
        """Ask the bot, show its reply, store the masked exchange. Empty text is ignored."""
        if not question or not question.strip():
            return None
        answer = self.bot.ask(redact(question, labels=False))
        self._say("citizen", html.escape(question))
        if answer.handed_off:
            self._say("bot", f"{html.escape(answer.text)}<br><small>👤 handed to a person "
                             f"(confidence {answer.confidence:.2f} is below "
                             f"{self.bot.threshold:.2f})</small>")
        else:
            self._say("bot", f"{html.escape(answer.text)}<br><small>📄 Source: FAQ entry "
                             f"<b>{html.escape(str(answer.faq_id))}</b> · "
                             f"{html.escape(answer.source)} · confidence "
                             f"{answer.confidence:.2f}</small>")
        self.stored_log.append({"question": redact(question), "faq_id": answer.faq_id,
                                "handed_off": answer.handed_off})
        self._box.value = ""
        self._render()
        return answer

    def talk_to_person(self) -> None:
        """The citizen asks for a person: always possible, whatever the bot's confidence."""
        self._say("bot", html.escape(PERSON_REPLY))
        self.stored_log.append({"question": "(asked for a person)", "faq_id": None,
                                "handed_off": True})
        self._render()

    def _say(self, who: str, body: str) -> None:
        self.messages.append((who, body))

    def _render(self) -> None:
        bubbles = []
        for who, body in self.messages:
            paper, side = ("#e8f1fb", "margin-left:auto;") if who == "citizen" else ("#f1f1f1", "")
            label = "You" if who == "citizen" else "Bot"
            bubbles.append(_BUBBLE.format(paper=paper, side=side, body=f"<b>{label}:</b> {body}"))
        if not bubbles:
            bubbles.append("<em>No messages yet: type a question below.</em>")
        self._conversation.value = (f"<div role='log' aria-live='polite' style='border:1px "
                                    f"solid #ccc;padding:0.5em;'>{''.join(bubbles)}</div>")
        rows = "".join(f"<tr><td>{html.escape(entry['question'])}</td>"
                       f"<td>{html.escape(str(entry['faq_id'] or '—'))}</td>"
                       f"<td>{'yes' if entry['handed_off'] else 'no'}</td></tr>"
                       for entry in self.stored_log)
        self._stored.value = ("<details><summary>🔒 What the chat log stores (personal details "
                              "masked)</summary><table><thead><tr><th>question, as stored</th>"
                              "<th>FAQ entry</th><th>to a person</th></tr></thead>"
                              f"<tbody>{rows}</tbody></table></details>")

    def _ipython_display_(self) -> None:
        display(widgets.VBox([widgets.HTML(f"<h4>{html.escape(self.title)}</h4>"),
                              self._conversation,
                              widgets.HBox([self._box, self._send, self._person]),
                              self._stored]))
