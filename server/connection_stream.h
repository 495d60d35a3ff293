// Private to server/: one client connection as cpp-httplib's Stream, which
// hands cpp-httplib only whole requests, read and checked first
// (request_arrival.h). Its buffer lives as long as the connection, so bytes
// a client sent ahead (pipelined requests) wait there for their turn.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>

#include "server/request_arrival.h"

namespace eavesearch {

class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(int sock, std::chrono::milliseconds write_timeout)
      : sock_(sock), write_timeout_(write_timeout) {}

  // Reads until the buffer holds a whole request (kComplete) or another
  // Arrival is known: kIdle when no byte came within `idle`, kTimedOut when
  // the request's last byte did not come within limits.deadline of its first.
  Arrival await_request(const RequestLimits& limits, std::chrono::milliseconds idle,
                        const std::atomic<bool>& stopping);

  // httplib::Stream. Reads come from the buffer only: cpp-httplib reads the
  // request await_request returned whole, never waiting for a byte.
  bool is_readable() const override { return pos_ < buffer_.size(); }
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  int sock_;
  std::chrono::milliseconds write_timeout_;
  std::string buffer_;
  std::size_t pos_ = 0;  // the next byte to hand to cpp-httplib
};

// The numeric address of `sock`'s peer (getpeername) or its own end
// (getsockname), and the port.
std::string socket_address(int sock, bool peer, int* port = nullptr);

}  // namespace eavesearch
