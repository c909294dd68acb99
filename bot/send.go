package bot

import (
	"context"
	"errors"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"policybot/dialog"
)

// This file makes the Bot API calls that deliver a turn: messages (rendered
// by render.go, with markup.go's keyboards), edits of a pressed message,
// contact cards (sendContact with a vCard, after the text, so a user can
// save the number with one tap), button and inline answers.

// endsDelivery reports whether err means the turn's remaining messages are
// not to be attempted: the chat is gone (chatGone), the answer expired, or
// the bot is stopping (they are sent after the restart).
func endsDelivery(err error) bool {
	var ee *expiredError
	return chatGone(err) || errors.As(err, &ee) || errors.Is(err, errStopping)
}

// chatGone reports whether err means nothing more can be delivered to the
// chat in this turn (the user blocked the bot, the chat is gone, or the
// turn was cancelled), so the turn's remaining messages are not attempted.
func chatGone(err error) bool {
	var ce *callError
	if errors.As(err, &ce) && ce.reason == reasonCanceled {
		return true
	}
	if errors.Is(err, tgbot.ErrorForbidden) {
		return true
	}
	return errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(err.Error(), "chat not found")
}

// sendReply delivers one reply: its text (one or more messages, or an
// edit of the pressed message when the reply asks for it), then its
// contact cards. Each message is one step (see Bot.step). It returns the
// first error that stopped delivery.
func (b *Bot) sendReply(ctx context.Context, t *turn, r dialog.Reply) error {
	parts := renderReply(r, maxMessageUnits)
	markup := b.keyboard(t.chatID, r.Buttons)

	// One message can only be edited into one message: a reply that needs
	// several parts (or a press on a message too old to edit) is sent anew.
	edit := r.Edit && t.pressedMsg != 0 && len(parts) == 1
	var firstErr error
	for i, p := range parts {
		params := &tgbot.SendMessageParams{
			ChatID:             t.chatID,
			Text:               p,
			ParseMode:          models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		}
		if i == len(parts)-1 {
			params.ReplyMarkup = markup
		}
		if i == 0 && t.replyTo != 0 {
			// In a group the answer quotes the question it answers.
			params.ReplyParameters = &models.ReplyParameters{MessageID: t.replyTo, AllowSendingWithoutReply: true}
		}
		err := b.step(ctx, t, func() error {
			if edit && b.editText(ctx, t, p, markup) {
				return nil
			}
			return b.call(ctx, b.messageSpec("sendMessage", t), func(ctx context.Context) error {
				_, err := b.api.SendMessage(ctx, params)
				return err
			})
		})
		if err != nil {
			firstErr = firstOf(firstErr, err)
			if errors.Is(err, errStopping) {
				return err
			}
			if endsDelivery(err) {
				b.abandon(t, "sendMessage", len(parts)-i-1)
				b.abandon(t, "sendContact", cards(r))
				return firstErr
			}
		}
	}
	for i, c := range r.Contacts {
		if len(c.Phones) == 0 {
			continue
		}
		err := b.step(ctx, t, func() error { return b.sendContact(ctx, t, c) })
		if err != nil {
			firstErr = firstOf(firstErr, err)
			if errors.Is(err, errStopping) {
				return err
			}
			if endsDelivery(err) {
				b.abandon(t, "sendContact", len(r.Contacts)-i-1)
				return firstErr
			}
		}
	}
	return firstErr
}

func firstOf(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// cards counts the contact cards a reply sends.
func cards(r dialog.Reply) int {
	n := 0
	for _, c := range r.Contacts {
		if len(c.Phones) > 0 {
			n++
		}
	}
	return n
}

// abandon accounts for messages of a turn that are not attempted because
// an earlier one showed the chat unreachable: they are counted as failed,
// never silently dropped.
func (b *Bot) abandon(t *turn, method string, n int) {
	if n <= 0 {
		return
	}
	b.metrics.sendErrors.WithLabelValues(method, "abandoned").Add(float64(n))
	b.log.Warn("chat unreachable, not sending the rest of the answer", "chat_id", t.chatID, "method", method, "messages", n)
}

// messageSpec is the call spec of a message to t's chat: rate limited.
func (b *Bot) messageSpec(method string, t *turn) callSpec {
	return callSpec{method: method, chatID: t.chatID, limited: true, group: t.group}
}

// editText replaces the pressed message's text and keyboard. It reports
// whether the chat now shows the reply: true also when Telegram says the
// message is not modified (a second press of the same button), false when
// the edit failed and the reply must be sent as a new message instead.
func (b *Bot) editText(ctx context.Context, t *turn, text string, markup models.ReplyMarkup) bool {
	params := &tgbot.EditMessageTextParams{
		ChatID:             t.chatID,
		MessageID:          t.pressedMsg,
		Text:               text,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		ReplyMarkup:        markup,
	}
	var notModified bool
	err := b.call(ctx, b.messageSpec("editMessageText", t), func(ctx context.Context) error {
		_, err := b.api.EditMessageText(ctx, params)
		if err != nil && errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(err.Error(), "message is not modified") {
			notModified = true
			return nil
		}
		return err
	})
	if err == nil {
		return true
	}
	if notModified {
		return true
	}
	b.log.Info("edit failed, sending the answer as a new message", "chat_id", t.chatID)
	return false
}

// sendContact sends one contact card.
func (b *Bot) sendContact(ctx context.Context, t *turn, c dialog.Contact) error {
	first, last := c.Name, c.Org
	if first == "" {
		first, last = c.Org, ""
	}
	if last == first {
		last = ""
	}
	params := &tgbot.SendContactParams{
		ChatID:      t.chatID,
		PhoneNumber: c.Phones[0],
		FirstName:   first,
		LastName:    last,
		VCard:       vCard(c),
	}
	return b.call(ctx, b.messageSpec("sendContact", t), func(ctx context.Context) error {
		_, err := b.api.SendContact(ctx, params)
		return err
	})
}

// sendPlain sends a text the adapter wrote itself (hint, apology).
func (b *Bot) sendPlain(ctx context.Context, t *turn, text string) error {
	return b.sendReply(ctx, t, dialog.Reply{Text: text})
}

// answerCallback stops the button's spinner, showing notice as a toast
// when it is not empty. Query answers are not rate limited (see Limits).
func (b *Bot) answerCallback(ctx context.Context, t *turn, notice string) error {
	params := &tgbot.AnswerCallbackQueryParams{CallbackQueryID: t.callbackID, Text: truncateUnits(notice, 200)}
	return b.call(ctx, callSpec{method: "answerCallbackQuery", chatID: t.chatID}, func(ctx context.Context) error {
		_, err := b.api.AnswerCallbackQuery(ctx, params)
		return err
	})
}

// Inline mode settings: results are the same for everyone, so Telegram may
// cache them across users for a minute.
const (
	inlineMax       = 10
	inlineCacheTime = 60
)

// answerInline answers an inline query with up to inlineMax articles from
// the dialog. An empty result list is a valid answer (Telegram shows
// nothing), which is what an empty query gets unless the dialog offers
// defaults for it.
func (b *Bot) answerInline(ctx context.Context, t *turn, results []dialog.InlineResult) error {
	articles := make([]models.InlineQueryResult, 0, len(results))
	seen := map[string]bool{}
	for _, r := range results {
		if r.ID == "" || len(r.ID) > 64 || seen[r.ID] || strings.TrimSpace(r.Text) == "" {
			continue // Telegram would reject the whole answer
		}
		seen[r.ID] = true
		title := r.Title
		if strings.TrimSpace(title) == "" {
			title = truncateUnits(r.Text, 60)
		}
		articles = append(articles, &models.InlineQueryResultArticle{
			ID:          r.ID,
			Title:       title,
			Description: r.Description,
			InputMessageContent: &models.InputTextMessageContent{
				MessageText:        escapeTruncated(r.Text, maxMessageUnits),
				ParseMode:          models.ParseModeHTML,
				LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
			},
		})
		if len(articles) == inlineMax {
			break
		}
	}
	params := &tgbot.AnswerInlineQueryParams{
		InlineQueryID: t.inlineID,
		Results:       articles,
		CacheTime:     inlineCacheTime,
		IsPersonal:    false,
	}
	return b.call(ctx, callSpec{method: "answerInlineQuery", chatID: t.chatID}, func(ctx context.Context) error {
		_, err := b.api.AnswerInlineQuery(ctx, params)
		return err
	})
}
