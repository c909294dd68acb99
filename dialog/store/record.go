package store

import (
	"encoding/json"
	"fmt"

	"policybot/dialog"
)

// unmarshalAsked reads a question log entry; an unreadable entry or one of
// another schema version is an error.
func unmarshalAsked(raw []byte) (dialog.Asked, error) {
	var e askedEntry
	if err := json.Unmarshal(raw, &e); err != nil {
		return dialog.Asked{}, err
	}
	if e.V != schemaVersion {
		return dialog.Asked{}, fmt.Errorf("question log entry of version %d", e.V)
	}
	return e.Asked, nil
}

// unmarshalFeedback reads a vote entry, like unmarshalAsked.
func unmarshalFeedback(raw []byte) (dialog.Feedback, error) {
	var e feedbackEntry
	if err := json.Unmarshal(raw, &e); err != nil {
		return dialog.Feedback{}, err
	}
	if e.V != schemaVersion {
		return dialog.Feedback{}, fmt.Errorf("vote entry of version %d", e.V)
	}
	return e.Feedback, nil
}
