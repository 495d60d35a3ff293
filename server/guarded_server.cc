#include "server/guarded_server.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server/connection_stream.h"
#include "server/json_output.h"

namespace eavesearch {
namespace {

// How long, and how much, a closing connection's input is read and dropped,
// so that its answer is not lost to a reset (RFC 9112 9.6).
constexpr int kLingerMs = 1000;
constexpr std::size_t kLingerBytes = 1 << 20;
constexpr auto kWatchEvery = std::chrono::milliseconds(100);
// A kept-alive connection waits this long for its next request.
constexpr auto kKeepAliveIdle = std::chrono::seconds(5);
constexpr int kRequestsPerConnection = 100;
constexpr auto kWriteTimeout = std::chrono::seconds(5);

const char* reason_phrase(int status) {
  switch (status) {
    case 408:
      return "Request Timeout";
    case 411:
      return "Length Required";
    case 413:
      return "Payload Too Large";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return "Bad Request";
  }
}

// Answers a refused request itself: cpp-httplib never sees it.
void refuse(int sock, int status, const std::string& message) {
  std::string body = dump_json(error_json(Error{ErrorCode::kLimitExceeded, message}));
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
                    "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                    std::to_string(body.size()) +
                    "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n" +
                    (status == 429 || status == 503 ? "Retry-After: 1\r\n" : "") + "\r\n" + body;
  ::send(sock, out.data(), out.size(), MSG_NOSIGNAL);
  ::shutdown(sock, SHUT_WR);
}

// Reads and drops what the client still sends, until it closes, for a
// bounded time and size.
void linger(int sock, const std::atomic<bool>& stopping) {
  char sink[16384];
  std::size_t dropped = 0;
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(kLingerMs);
  while (dropped < kLingerBytes && !stopping && std::chrono::steady_clock::now() < until) {
    pollfd p{sock, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    ssize_t n = ::recv(sock, sink, sizeof sink, MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return;
    if (n > 0) dropped += static_cast<std::size_t>(n);
  }
}

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  new_task_queue = [n = limits.max_connections] {
    return new httplib::ThreadPool(static_cast<std::size_t>(n));
  };
  // What the Keep-Alive header of an answer says (serve_requests keeps it).
  set_keep_alive_max_count(kRequestsPerConnection);
  set_keep_alive_timeout(std::chrono::duration_cast<std::chrono::seconds>(kKeepAliveIdle).count());
  watchdog_ = std::thread([this] { watch(); });
}

GuardedServer::~GuardedServer() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  watchdog_.join();
}

void GuardedServer::shut_connections() {
  stopping_ = true;
  std::lock_guard lock(mutex_);
  for (auto& [sock, open] : open_) {
    if (!open.shut) ::shutdown(sock, SHUT_RDWR);
    open.shut = true;
  }
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  std::string client = socket_address(sock, true);
  if (!admit(sock, client)) {
    if (stopping_) {
      refuse(sock, 503, "the server is stopping");
    } else {
      refuse(sock, 429, "too many connections from " + client + " at once");
    }
    linger(sock, stopping_);
    ::close(sock);
    return false;
  }
  bool answered = serve_requests(sock);
  ::shutdown(sock, SHUT_WR);
  linger(sock, stopping_);
  release(sock, client);
  ::close(sock);
  return answered;
}

// The requests of one connection, each read whole and checked before
// cpp-httplib parses and routes it.
bool GuardedServer::serve_requests(int sock) {
  ConnectionStream stream(sock, kWriteTimeout);
  bool answered = false;
  for (int served = 0; served < kRequestsPerConnection; ++served) {
    auto idle = served == 0 ? limits_.request.deadline : kKeepAliveIdle;
    Arrival arrival = stream.await_request(limits_.request, idle, stopping_);
    if (arrival != Arrival::kComplete) {
      if (arrival != Arrival::kIdle && arrival != Arrival::kClosed &&
          arrival != Arrival::kStopping) {
        refuse(sock, refusal_status(arrival), refusal_message(arrival));
      }
      break;
    }
    bool last = served + 1 == kRequestsPerConnection || stopping_;
    bool client_closed = false;
    if (!process_request(stream, last, client_closed, nullptr)) break;
    answered = true;
    if (client_closed) break;
  }
  return answered;
}

bool GuardedServer::admit(int sock, const std::string& client) {
  std::lock_guard lock(mutex_);
  if (stopping_) return false;
  int& from_client = per_client_[client];
  if (limits_.per_client > 0 && from_client >= limits_.per_client) return false;
  ++from_client;
  open_[sock] = Open{std::chrono::steady_clock::now() + limits_.lifetime};
  return true;
}

void GuardedServer::release(int sock, const std::string& client) {
  std::lock_guard lock(mutex_);
  open_.erase(sock);
  if (--per_client_[client] == 0) per_client_.erase(client);
}

// Shuts the connections past their lifetime: their threads' reads and
// writes then fail at once, and the threads close them.
void GuardedServer::watch() {
  std::unique_lock lock(mutex_);
  while (!quit_) {
    wake_.wait_for(lock, kWatchEvery);
    auto now = std::chrono::steady_clock::now();
    for (auto& [sock, open] : open_) {
      if (open.shut || now < open.until) continue;
      ::shutdown(sock, SHUT_RDWR);
      open.shut = true;
    }
  }
}

}  // namespace eavesearch
