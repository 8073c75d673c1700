package main

import (
	"container/heap"
	"fmt"
	"syscall"
	"time"
)

// delayQueue holds packets until their release time and then sends them, earliest first. It holds
// at most limit packets; a packet that finds it full is dropped and counted, as a full qdisc would.
type delayQueue struct {
	incoming chan packet
	held     packetHeap
	limit    int
	out      *rawSender
	counts   *counters
}

func newDelayQueue(limit int, out *rawSender, counts *counters) *delayQueue {
	return &delayQueue{incoming: make(chan packet, 1024), limit: limit, out: out, counts: counts}
}

// offer hands a packet to the queue from the reading goroutine without ever blocking it.
func (q *delayQueue) offer(p packet) {
	q.counts.received.Add(1)
	select {
	case q.incoming <- p:
	default:
		q.counts.droppedFull.Add(1)
	}
}

// finalStretch is how close to a packet's release time the queue stops waiting on Go's timers,
// which wake up to a millisecond late (the runtime sleeps in whole milliseconds), and sleeps the
// rest precisely with nanosleep.
const finalStretch = 2 * time.Millisecond

func (q *delayQueue) run() {
	timer := time.NewTimer(time.Hour)
	for {
		q.sendDue(time.Now())
		if len(q.held) == 0 {
			q.hold(<-q.incoming)
			continue
		}
		wait := time.Until(q.held[0].release)
		if wait <= finalStretch {
			sleepPrecisely(wait)
			q.holdArrived()
			continue
		}
		resetTimer(timer, wait-finalStretch)
		select {
		case p := <-q.incoming:
			q.hold(p)
		case <-timer.C:
		}
	}
}

// holdArrived takes in the packets that arrived while the queue slept, without waiting for more.
func (q *delayQueue) holdArrived() {
	for {
		select {
		case p := <-q.incoming:
			q.hold(p)
		default:
			return
		}
	}
}

// sleepPrecisely blocks this goroutine's thread for d; a signal may cut it short, which only
// brings the next look at the queue forward.
func sleepPrecisely(d time.Duration) {
	if d <= 0 {
		return
	}
	ts := syscall.NsecToTimespec(int64(d))
	_ = syscall.Nanosleep(&ts, nil)
}

func (q *delayQueue) hold(p packet) {
	if len(q.held) >= q.limit {
		q.counts.droppedFull.Add(1)
		return
	}
	heap.Push(&q.held, p)
}

func (q *delayQueue) sendDue(now time.Time) {
	for len(q.held) > 0 && !q.held[0].release.After(now) {
		p := heap.Pop(&q.held).(packet)
		if err := q.out.send(p); err != nil {
			if q.counts.sendFailed.Add(1) <= 10 {
				fmt.Printf("send failed: %v\n", err)
			}
			continue
		}
		q.counts.sent.Add(1)
		q.counts.late(time.Since(p.release))
	}
}

// resetTimer rearms a timer whose last firing may not have been received.
func resetTimer(t *time.Timer, d time.Duration) {
	if !t.Stop() {
		select {
		case <-t.C:
		default:
		}
	}
	t.Reset(d)
}

type packetHeap []packet

func (h packetHeap) Len() int { return len(h) }
func (h packetHeap) Less(i, j int) bool {
	if h[i].release.Equal(h[j].release) {
		return h[i].seq < h[j].seq
	}
	return h[i].release.Before(h[j].release)
}
func (h packetHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *packetHeap) Push(x any)   { *h = append(*h, x.(packet)) }
func (h *packetHeap) Pop() any {
	old := *h
	p := old[len(old)-1]
	old[len(old)-1] = packet{}
	*h = old[:len(old)-1]
	return p
}
