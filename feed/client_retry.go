package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// retryableStatus: the answers that mean "try again later". Other 4xx and
// 5xx will not change by asking again.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// transientNetErr reports whether a failed request is worth another try: a
// connection cut half-way. A refused connection, a failed name lookup or a
// timeout is not retried: with no network it would only keep the user from
// the cached copy longer.
func transientNetErr(err error) bool {
	var dns *net.DNSError
	if errors.As(err, &dns) || isTimeout(err) {
		return false
	}
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNABORTED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// backoff is the jittered exponential wait before retry n (0-based):
// somewhere in [d/2, d] with d = Base·2ⁿ, so clients do not retry in step.
func (r RetryPolicy) backoff(n int) time.Duration {
	d := r.Base << n
	half := d / 2
	return half + rand.N(half+1)
}

// rateLimitReset reads Hugging Face's RateLimit header, e.g. `"api";r=0;t=55`:
// t is the number of seconds until the window resets.
var rateLimitReset = regexp.MustCompile(`(?:^|;)\s*t\s*=\s*(\d+)`)

// serverWait is how long the server asked us to wait: Retry-After (seconds
// or an HTTP date), else the reset time of Hugging Face's RateLimit header.
func serverWait(h http.Header, now time.Time) (time.Duration, bool) {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.Atoi(v); err == nil && s >= 0 {
			return time.Duration(s) * time.Second, true
		}
		if t, err := http.ParseTime(v); err == nil {
			return max(t.Sub(now), 0), true
		}
	}
	if m := rateLimitReset.FindStringSubmatch(h.Get("RateLimit")); m != nil {
		if s, err := strconv.Atoi(m[1]); err == nil {
			return time.Duration(s) * time.Second, true
		}
	}
	return 0, false
}

// answerTimedOut: the server took the request but did not answer in time
// (net/http says so only in the message).
func answerTimedOut(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "awaiting response headers") || strings.Contains(msg, "awaiting headers")
}

// describeNetErr turns Go's `Get "URL": dial tcp …: connect: connection
// refused` into the part a user can act on.
func describeNetErr(err error, t Timeouts) string {
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		return fmt.Sprintf("cannot resolve %s (no network?)", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "network unreachable"
	case strings.Contains(err.Error(), "awaiting response headers"):
		return fmt.Sprintf("no answer within %s", t.Header)
	case isTimeout(err):
		return "timed out"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "connection closed before the answer was complete"
	}
	// Drop the `Get "URL": ` prefix: the caller names what was fetched.
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) && ue.Unwrap() != nil {
		return ue.Unwrap().Error()
	}
	return err.Error()
}
