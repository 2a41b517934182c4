package feed

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/paperdeck/paperdeck/model"
)

// Reason says why a listing is not the live answer to its request.
type Reason string

const (
	// ReasonOffline: the network is unreachable (no route, refused, no DNS).
	ReasonOffline Reason = "offline"
	// ReasonUnavailable: the source answered, but with a 5xx or a rate
	// limit that outlasted the retries, or never sent its answer.
	ReasonUnavailable Reason = "unavailable"
	// ReasonUnusable: the source answered something paperdeck cannot use
	// (a 404, a page that does not parse, a body too large).
	ReasonUnusable Reason = "unusable"
	// ReasonOfflineMode: --offline: the network was not asked.
	ReasonOfflineMode Reason = "offline mode"
	// ReasonDemo: --demo: the bundled snapshot was asked for.
	ReasonDemo Reason = "demo"
)

// Fallback is why a Result is not fresh from the source and what it is
// instead, so a reader can label it as what it is.
type Fallback struct {
	Reason Reason
	// Request is the listing that was asked for.
	Request model.Period
	// Shown names what is shown: "cached copy of Thursday 2024-08-01 from
	// 2024-08-01 10:02", "bundled snapshot of Thursday 2024-08-01".
	Shown string
	// Err is the failure; nil when the fallback was asked for (--offline,
	// --demo).
	Err error
}

// Why is the reason in a few words, for a status line: `could not search
// "flow matching": Hugging Face answered 503`, "offline: no network used".
func (f Fallback) Why() string {
	switch f.Reason {
	case ReasonOfflineMode:
		return "offline"
	case ReasonDemo:
		return "demo"
	}
	return fmt.Sprintf("could not %s: %s", action(f.Request), cause(f.Request, f.Err))
}

// notice is the one line `list` prints on stderr and the reader flashes.
func (f Fallback) notice() string {
	switch f.Reason {
	case ReasonOfflineMode, ReasonDemo:
		return fmt.Sprintf("%s: showing the %s", f.Why(), f.Shown)
	case ReasonOffline:
		return fmt.Sprintf("offline: showing the %s (%s)", f.Shown, cause(f.Request, f.Err))
	}
	return fmt.Sprintf("%s; showing the %s", f.Why(), f.Shown)
}

// NoDataError: the listing asked for could be had neither from its source
// nor from the cache. Nothing else is passed off as the answer; a reader
// that would rather show something than an empty screen may show StandIn,
// labelled as what it is.
type NoDataError struct {
	Request model.Period
	Reason  Reason
	Err     error // nil for --offline
	// StandIn is the bundled snapshot, labelled, when the source could not
	// be reached at all; nil otherwise.
	StandIn *Result
}

func (e *NoDataError) Error() string {
	if e.Reason == ReasonOfflineMode {
		return fmt.Sprintf("offline: no cached copy of %s", describe(e.Request))
	}
	return fmt.Sprintf("could not %s (no cached copy): %v", action(e.Request), e.Err)
}

func (e *NoDataError) Unwrap() error { return e.Err }

// Why is the reason in a few words, like Fallback.Why.
func (e *NoDataError) Why() string {
	if e.Reason == ReasonOfflineMode {
		return e.Error()
	}
	return Fallback{Reason: e.Reason, Request: e.Request, Err: e.Err}.Why()
}

// reasonOf sorts a failure of the source: offline, unavailable, unusable.
func reasonOf(err error) Reason {
	var se *StatusError
	switch {
	case errors.As(err, &se) && (se.Code >= 500 || se.Code == http.StatusTooManyRequests):
		return ReasonUnavailable
	case isOffline(err):
		return ReasonOffline
	case isUnreachable(err):
		return ReasonUnavailable
	}
	return ReasonUnusable
}

// action is what was being done, for "could not …": `search "flow
// matching"`, "load Thursday 2024-08-01".
func action(p model.Period) string {
	if p.Kind == model.Search {
		return p.String()
	}
	return "load " + describe(p)
}

// cause is a failure in a few words: "Hugging Face answered 503",
// "connection refused".
func cause(p model.Period, err error) string {
	var se *StatusError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s answered %d", sourceName(p), se.Code)
	}
	var u unreachable
	if errors.As(err, &u) {
		return u.err.Error()
	}
	if err == nil {
		return "no reason given"
	}
	return err.Error()
}

func sourceName(p model.Period) string {
	if p.Kind == model.Arxiv {
		return "arXiv"
	}
	return "Hugging Face"
}
