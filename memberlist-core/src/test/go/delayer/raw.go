package main

import (
	"fmt"
	"syscall"
)

// rawSender sends whole IPv4 packets, header included, as they are; the kernel only fills in the
// header checksum. Its mark lets policy routing send them out of the real link, not back into the
// TUN device.
type rawSender struct {
	fd int
}

func openRawSender(mark int) (*rawSender, error) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_RAW|syscall.SOCK_CLOEXEC, syscall.IPPROTO_RAW)
	if err != nil {
		return nil, fmt.Errorf("raw socket: %w", err)
	}
	if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_MARK, mark); err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("SO_MARK %d: %w", mark, err)
	}
	return &rawSender{fd: fd}, nil
}

func (s *rawSender) send(p packet) error {
	return syscall.Sendto(s.fd, p.data, 0, &syscall.SockaddrInet4{Addr: p.flow.dst})
}
