#include "server/connection_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace eavesearch {
namespace {

// How often a wait looks at the stop flag.
constexpr int kPollMs = 50;

}  // namespace

Arrival ConnectionStream::await_request(const RequestLimits& limits, std::chrono::milliseconds idle,
                                        const std::atomic<bool>& stopping) {
  buffer_.erase(0, pos_);  // the requests already answered
  pos_ = 0;
  using Clock = std::chrono::steady_clock;
  auto started = Clock::now();
  auto first_byte = buffer_.empty() ? Clock::time_point{} : started;
  char chunk[4096];
  for (;;) {
    if (!buffer_.empty()) {
      Arrival a = classify_request(buffer_, limits);
      if (a != Arrival::kIncomplete) return a;
    }
    if (stopping) return Arrival::kStopping;
    auto now = Clock::now();
    if (buffer_.empty() && now - started >= idle) return Arrival::kIdle;
    if (!buffer_.empty() && now - first_byte >= limits.deadline) return Arrival::kTimedOut;
    pollfd p{sock_, POLLIN, 0};
    if (::poll(&p, 1, kPollMs) <= 0) continue;
    std::size_t room = limits.max_bytes + 1 - std::min(buffer_.size(), limits.max_bytes);
    ssize_t n = ::recv(sock_, chunk, std::min(room, sizeof chunk), MSG_DONTWAIT);
    if (n == 0) return Arrival::kClosed;
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return Arrival::kClosed;
    }
    if (buffer_.empty()) first_byte = Clock::now();
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

bool ConnectionStream::is_writable() const {
  pollfd p{sock_, POLLOUT, 0};
  return ::poll(&p, 1, static_cast<int>(write_timeout_.count())) > 0 &&
         (p.revents & (POLLERR | POLLHUP)) == 0;
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  size = std::min(size, buffer_.size() - pos_);
  std::memcpy(ptr, buffer_.data() + pos_, size);
  pos_ += size;
  return static_cast<ssize_t>(size);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  return ::send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = socket_address(sock_, true, &port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = socket_address(sock_, false, &port);
}

std::string socket_address(int sock, bool peer, int* port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  auto* a = reinterpret_cast<sockaddr*>(&addr);
  if ((peer ? ::getpeername(sock, a, &len) : ::getsockname(sock, a, &len)) != 0) return "";
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    if (port) *port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    if (port) *port = ntohs(in6->sin6_port);
  }
  return text;
}

}  // namespace eavesearch
