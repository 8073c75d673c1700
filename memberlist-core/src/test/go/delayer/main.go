// Command delayer holds every IPv4 packet that a network namespace routes into its TUN device for
// a random delay, then sends it on unchanged through a raw socket whose mark routes it out of the
// namespace's real link. It stands in for netem, which this kernel lacks. Packets between the same
// two addresses with the same protocol leave in the order they came in, so jitter never reorders a
// flow (netem's jitter can).
//
// The caller routes traffic into the device once the delayer prints "ready <device>", and routes
// marked packets past it; see HostDelay in the Java tests. On SIGTERM or SIGINT, or when its standard
// input ends (the caller's lifeline: a caller that dies without ending the delayer closes it), the
// delayer sends what it still holds when it is due (waiting at most drainLimit), prints one "stats"
// line with its counts and exits. By hand: sleep infinity | delayer -delay 50ms -jitter 10ms.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/signal"
	"syscall"
	"time"
)

const drainLimit = 2 * time.Second

func main() {
	device := flag.String("dev", "delay0", "name of the TUN device to create")
	mean := flag.Duration("delay", 50*time.Millisecond, "mean delay of each packet")
	jitter := flag.Duration("jitter", 0, "spread of the delay: half-width of a uniform spread, or the standard deviation of a normal one")
	distribution := flag.String("distribution", "uniform", "uniform or normal")
	mark := flag.Int("mark", 1, "SO_MARK of the raw socket, which policy routing sends past the device")
	limit := flag.Int("limit", 10000, "most packets held at once; more are dropped and counted")
	seed := flag.Int64("seed", time.Now().UnixNano(), "seed of the delay draws")
	flag.Parse()

	sampler, err := newSampler(*mean, *jitter, *distribution, rand.New(rand.NewSource(*seed)))
	if err == nil && *limit < 1 {
		err = fmt.Errorf("limit %d must be at least 1", *limit)
	}
	if err == nil && flag.NArg() > 0 {
		err = fmt.Errorf("unexpected arguments %v", flag.Args())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "delayer:", err)
		flag.Usage()
		os.Exit(2)
	}
	tun, err := openTun(*device)
	if err != nil {
		fmt.Fprintln(os.Stderr, "delayer:", err)
		os.Exit(1)
	}
	out, err := openRawSender(*mark)
	if err != nil {
		fmt.Fprintln(os.Stderr, "delayer:", err)
		os.Exit(1)
	}

	counts := &counters{}
	queue := newDelayQueue(*limit, out, counts)
	go queue.run()
	failed := make(chan error, 1)
	go func() { failed <- readPackets(tun, sampler, queue, counts) }()

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	stdinEnded := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		close(stdinEnded)
	}()
	fmt.Printf("ready %s delay=%v jitter=%v distribution=%s seed=%d\n", *device, *mean, *jitter, *distribution, *seed)
	select {
	case <-signals:
		drain(counts, drainLimit)
		fmt.Println("stats", counts)
	case <-stdinEnded:
		drain(counts, drainLimit)
		fmt.Println("stats", counts)
	case err := <-failed:
		fmt.Println("stats", counts)
		fmt.Fprintln(os.Stderr, "delayer:", err)
		os.Exit(1)
	}
}

// drain waits until every packet read has been sent or dropped, or the limit has passed.
func drain(counts *counters, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for counts.outstanding() > 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
}
