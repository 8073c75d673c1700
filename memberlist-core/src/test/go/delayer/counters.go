package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

// counters count packets: every IPv4 packet received is in the end sent, dropped because the queue
// was full, or failed to send; packets of other protocols are only counted. Lateness is how long
// after its release time a packet was sent, which says how closely the drawn delays were kept.
type counters struct {
	received, sent, droppedFull, notIPv4, sendFailed atomic.Uint64
	latenessTotal, latenessMax                       atomic.Int64
}

func (c *counters) outstanding() uint64 {
	return c.received.Load() - c.sent.Load() - c.droppedFull.Load() - c.sendFailed.Load()
}

func (c *counters) String() string {
	var meanLateness time.Duration
	if sent := c.sent.Load(); sent > 0 {
		meanLateness = time.Duration(c.latenessTotal.Load() / int64(sent))
	}
	return fmt.Sprintf("received=%d sent=%d dropped_full=%d not_ipv4=%d send_failed=%d lateness_mean=%v lateness_max=%v",
		c.received.Load(), c.sent.Load(), c.droppedFull.Load(), c.notIPv4.Load(), c.sendFailed.Load(),
		meanLateness, time.Duration(c.latenessMax.Load()))
}

// late records the lateness of a sent packet; only the queue's goroutine calls it.
func (c *counters) late(d time.Duration) {
	c.latenessTotal.Add(int64(d))
	if int64(d) > c.latenessMax.Load() {
		c.latenessMax.Store(int64(d))
	}
}
