// Sentence templates, one per line. Lowercase, terse IRC style on purpose.
#include <sstream>

#include "vocabulary.h"

namespace eavesearch::gen {
namespace {

std::vector<std::string> lines(const char* text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

constexpr char kStatement[] = R"(i think {term} is mostly done, just waiting on reviews
{term} is still blocked on {review}
can we get some eyes on {review}? it's the last piece of {term}
i pushed a new revision for {term} last night
the {term} work will probably slip to {next_cycle}
we agreed at the ptg that {term} is a priority for {cycle}
is anyone actually working on {term} right now?
i can take {term} if nobody else wants it
there is a bug open for that: {bug_url}
the spec for {term} is here {spec}
{term} needs a release note, otherwise it looks good
I'd rather not backport {term} to {stable}
we should document {term} better, people keep asking about it in #openstack-{project}
last week we discussed {term} and didn't reach a conclusion
so for {term}, the plan is to land the db migration first and then the api change
{term} depends on a new {other_project} release
i left some comments on the {term} patch, mostly nits
I'm a bit worried about the upgrade impact of {term}
there's a thread on the ML about {term}: {ml}
if we don't land {term} before {milestone} it won't make {cycle}
the functional tests for {term} are failing on {distro}
{term} works fine in devstack but not with {other_project} enabled
i tested {term} on a multinode setup and it looks ok
we have {num} patches left for {term}
{nick} had some concerns about {term}, not sure if they were addressed
i'll update the etherpad with the {term} status: {etherpad}
honestly i'm not sure {term} is worth the effort
we need a second core on {review}
{review} is ready for another look
ok, so {term} is on track
not much progress on {term} this week, sorry
{term} and {term2} are kind of related, we should look at both
operators have been asking for {term} for a while
i think {term} would make a good community goal
the {term} patch has a -1 from zuul but it's unrelated, i rechecked
most of {term} lives in {file}
i started a doc for {term}, feedback welcome: {etherpad}
we could also just drop {term}, it's been deprecated since {prev_cycle}
we still have {py} jobs covering {term}
let's make sure {term} is covered by tempest
I think we're close on {term}
the last blocker for {term} merged this morning \o/
{term} came up in the {other_project} meeting too
btw {term} broke the {job} job yesterday, fixed by {review}
we should get {term} into the release notes before {milestone}
the upgrade path for {term} needs a grenade test
{nick} and i paired on {term} yesterday, should have something up today
i'm +2 on the {term} series, just need someone else to look
the {term} change is huge, can we split it up?
we tried {term} in production at $dayjob and it mostly works
{term} on {distro} needs a newer libvirt
i don't think we have enough reviewers to take on {term} this cycle
there is a downstream patch for {term} we could upstream
It would be good to get feedback from operators on {term} before we commit to it
{term} is now tested in the {job} job
for the record, {term} was merged in {prev_cycle} and backported to {stable}
i think {nick} already fixed that, see {review}
yes, {term} is tracked in {story}
the problem with {term} is the rpc version pinning during rolling upgrades
we discussed {term} at length in the last ptg, notes are in {etherpad}
the api-ref for {term} is out of date
{term} requires a microversion bump, so it needs a spec
we need to keep {term} working for {stable} until it goes to extended maintenance
i'd like to get {term} in before the freeze, it's small
i'll try to write a reno for {term} today
{term} is on the list for the {cycle} priorities
So basically {term} works, but it's slow with more than {num} nodes
i think that's a question for the {other_project} team
{term} looks fine to me, i approved it
i have a WIP for {term}, not ready for review yet: {review}
)";

constexpr char kQuestion[] = R"({to}: any update on {term}?
{to}: did you get a chance to look at {review}?
{to}: do you have time to review {term} this week?
{to}: is {term} still on your plate?
{to}: what's the status of {bug}?
{to}: can you take a look at {review} when you get a chance?
{to}: are you still planning to propose a spec for {term}?
{to}: would you mind updating the etherpad?
{to}: any objections to moving {term} to {next_cycle}?
{to}: you mentioned {term} last week, any progress?
{to}: ping
{to}: do we need a FFE for {term}?
{to}: is the gate ok now?
{to}: could you summarize where we are with {term}?
{to}: were you able to reproduce {bug}?
{to}: are you around?
{to}: you had something about {term} on the agenda?
{to}: does {term} need a backport to {stable}?
)";

constexpr char kOpenQuestion[] = R"(does anyone know why {job} is failing?
who's working on {term}?
any objections?
anything else on {term}?
is it time to cut a release of {project}?
does anyone have cycles to review {review}?
should we ask the {other_project} folks about {term}?
any volunteers for {term}?
are we ok with the plan for {term}?
what do people think about {term}?
is there a bug for that?
do we have a spec for {term} yet?
any questions on this?
has anyone tried {term} on {distro}?
)";

constexpr char kAnswer[] = R"(yes, i'll look today
not yet, sorry, will do after the meeting
working on it, should have a new revision up tomorrow
i think it's ready, just needs reviews
still on my list but i got pulled into downstream stuff
yeah, {review}
no progress this week, sorry
i'll try to finish it before {milestone}
it merged yesterday
i pushed a fix, {review}
i'm not sure, let me check and get back to you
nope, go ahead
yes please
sure, i can do that
i'd like to, but i'm out next week
hmm, i thought {nick} was looking at that
sorry, was afk. yes, still working on it
yes, the gate is much better since {review} merged
i couldn't reproduce it on master, only on {stable}
there's a WIP up, {review}
not really, i've been busy with the {cycle} release
i'll update the bug with what i found
here
yes, see {etherpad}
)";

constexpr char kReaction[] = R"(+1
++
ack
agreed
makes sense
sounds good
yep
yeah
ok
sure
thanks {nick}
thanks!
cool
nice
\o/
:)
:(
hmm
fair enough
good point
same here
will do
np
right
exactly
works for me
no objection from me
lgtm
+2
ok thanks
awesome
yes
indeed
true
heh
lol
ah ok
sgtm
++ thanks
thanks for working on that
+1 from me
that would be great
i agree with {nick}
sure thing
ok, noted
)";

constexpr char kGreeting[] = R"(o/
\o
hi
hello
o/ hi all
morning
good morning
evening
here
present
hey
o/ hello everyone
hi all
howdy
hi o/
late o/
o/ (on mobile)
good afternoon
o/ sorry i'm late
)";

constexpr char kChairHello[] = R"(hi everyone, who's around today?
welcome everyone
hello everyone
o/ let's get started
let's wait a minute or two for people to join
agenda is at {agenda}
hi all, let's start
ping {pinglist}
courtesy ping: {pinglist}
)";

constexpr char kChairMove[] = R"(ok, let's move on
moving on
next topic
anything else on this?
ok, let's continue this in #openstack-{project} after the meeting
we're running short on time, let's move on
i'll give it another minute
alright
any other comments on this?
let's take this offline
ok, nothing else on that then
thanks {nick}, moving on
)";

constexpr char kChairClose[] = R"(ok, that's all we have for today
thanks everyone for joining
let's end here, thanks all
we're at time, thanks everyone
i'll give everyone some time back
thanks all, see you next week
thanks for joining, see you in #openstack-{project}
)";

constexpr char kFarewell[] = R"(thanks everyone
thanks all!
thanks {chair}
o/
bye
thanks!
see you next week
thanks, bye
thanks {chair}!
o/ thanks
)";

constexpr char kMe[] = R"(waves
sighs
looks at the gate
is back
grabs coffee
is lurking today
raises hand
runs to another meeting
hides
thinks {term} needs more thought
is on a bad connection today
will be out next week
is double-booked, sorry
looks around
was late, sorry
reads backlog
cheers
has to leave early today
checks the etherpad
)";

constexpr char kInfo[] = R"({term} is targeted for {cycle}
{milestone} is next week
{num} new bugs triaged this week
{review} merged
next meeting will be chaired by {nick}
{project} {version} released
{term} is now tested in the {job} job
the ptg etherpad is up: {etherpad}
{term} moved to {next_cycle}
reminder: nominations for PTL and TC elections are open
{nick} is the bug deputy this week
)";

constexpr char kLink[] = R"({review} {term}
{etherpad}
{bug_url}
{spec}
{ml} ML thread
{agenda} agenda
{review}
{log_url}
{story}
{doc}
)";

constexpr char kIdea[] = R"(maybe we could run {job} only on {project} changes
use the ptg to finish {term}
split {term} into smaller patches
ask the {other_project} team to help with {term}
a review sprint for {term} next week
)";

constexpr char kHelp[] = R"(need reviewers for {review}
we need someone to take over {term}
volunteers needed for the bug deputy rotation
looking for a liaison to the {other_project} team
)";

constexpr char kAgreed[] = R"({term} is deferred to {next_cycle}
go ahead with {review}
no meeting next week
{nick} will be the bug deputy this week
we will drop {py} support in {next_cycle}
{term} needs a spec
{term} goes in as proposed in {review}
keep {term} experimental in {cycle}
{nick} to drive {term} this cycle
)";

constexpr char kTask[] = R"(update the {term} spec
follow up with {nick} about {term}
send an email to openstack-discuss about {term}
propose a patch for {term}
triage {bug}
review {review}
write up the {term} proposal
add {term} to the PTG etherpad
check with the release team about {term}
talk to the {other_project} folks about {term}
update the wiki with the new meeting time
look into the {job} failures
fix the docs for {term}
prepare the {cycle} release notes
ping {nick} about {term}
)";

constexpr char kVoteQuestion[] = R"(Should we make {term} a community goal for {next_cycle}
Should we move this meeting one hour later
Should we drop {py} support in {next_cycle}
Should we accept the {term} spec for {cycle}
Should we cancel next week's meeting
Do we keep {term} in the gate
Is {term} ready to be enabled by default
)";

constexpr char kBugLine[] = R"(we had {num} new bugs this week
{bug_url} looks like a real regression
i marked {bug} as incomplete, no logs attached
{bug} is a duplicate of {bug2}
can someone triage {bug}?
high priority one: {bug_url}
nothing critical this week
{bug} only happens with {distro}
i set {bug} to high, it breaks upgrades from {stable}
the bug report has a traceback from {file}
)";

constexpr char kGateLine[] = R"(the gate has been pretty unstable, {job} times out a lot
{job} is failing about {pct}% of the time
we're waiting on an infra fix for the mirrors
{log_url}
the gate looks ok this week
we should make {job} non-voting until it's fixed
there's an elastic-recheck query for it now
the {distro} nodes are slower than the old ones
please don't recheck blindly, look at the failure first
{job} is broken on {stable}, fix is {review}
)";

constexpr char kReleaseLine[] = R"({milestone} is {weekday}
feature freeze is in {num} weeks
please get your release notes in
we need to cut {project} {version} for {cycle}
the final release candidate is due next week
I proposed the {stable} release: {review}
client library freeze is coming up
we're in the {cycle} RC period, only bug fixes please
the {cycle} schedule is at https://releases.openstack.org/{cycle}/schedule.html
)";

constexpr char kOpenLine[] = R"(nothing from me
i have one thing
just a reminder that the PTG etherpad is open {etherpad}
i'll be out next week
reminder: {milestone} is next week
anyone else have anything?
nothing else from me this week
the summit CFP closes soon
i'd like to propose {nick} as a new core reviewer, please reply on the ML
)";

constexpr char kPastAction[] = R"(done
still in progress
not done yet, carry it over please
done, {review}
i started but didn't finish
sorry, didn't get to it
that's done, the email went out monday
no update
)";

constexpr char kActionDone[] = R"(done
done, {review}
that's done, the email went out monday
proposed it: {review}
finished, {review} merged
yes, sent it out yesterday
)";

constexpr char kActionCarried[] = R"(not done yet, carry it over please
still working on it, please carry it over
didn't get to it, can we keep it for next week?
)";

constexpr char kActionOpen[] = R"(still in progress
i started but didn't finish
sorry, didn't get to it
no update
)";

constexpr char kUnicode[] = R"(thanks {name} for the patch!
{name} did most of the work on {term} 🎉
the {prev_cycle} → {cycle} upgrade works fine now
¯\_(ツ)_/¯
the error message says “invalid token” with the fancy quotes
we need ≥ 2 cores on that
谢谢 {nick}
danke {name}
👍
🎉 {term} merged
the path moved /etc/{project} → /etc/openstack/{project}
unicode server names like “Ünïcödé” break {term}: {bug_url}
{name}'s patch fixes the naïve retry loop
)";

constexpr char kHtml[] = R"(<script>alert(1)</script> is what the XSS bug report shows
the dashboard renders <b>bold</b> in the description field
the api returns <html><body>502 Bad Gateway</body></html> under load
if x < y && y > z the scheduler skips the host
we escape & as &amp; twice in the {project} ui
<br> shows up literally in the help text of {term}
)";

constexpr char kBareUrl[] = R"({review}
{review} should fix it
{bug_url}
{etherpad}
{log_url} is one example
{ml}
{spec}
)";

}  // namespace

std::vector<std::vector<std::string>> build_phrases() {
  std::vector<std::vector<std::string>> p(static_cast<int>(Phrase::kCount));
  auto set = [&p](Phrase which, const char* text) { p[static_cast<int>(which)] = lines(text); };
  set(Phrase::kStatement, kStatement);
  set(Phrase::kQuestion, kQuestion);
  set(Phrase::kOpenQuestion, kOpenQuestion);
  set(Phrase::kAnswer, kAnswer);
  set(Phrase::kReaction, kReaction);
  set(Phrase::kGreeting, kGreeting);
  set(Phrase::kChairHello, kChairHello);
  set(Phrase::kChairMove, kChairMove);
  set(Phrase::kChairClose, kChairClose);
  set(Phrase::kFarewell, kFarewell);
  set(Phrase::kMe, kMe);
  set(Phrase::kInfo, kInfo);
  set(Phrase::kLink, kLink);
  set(Phrase::kIdea, kIdea);
  set(Phrase::kHelp, kHelp);
  set(Phrase::kAgreed, kAgreed);
  set(Phrase::kTask, kTask);
  set(Phrase::kVoteQuestion, kVoteQuestion);
  set(Phrase::kBugLine, kBugLine);
  set(Phrase::kGateLine, kGateLine);
  set(Phrase::kReleaseLine, kReleaseLine);
  set(Phrase::kOpenLine, kOpenLine);
  set(Phrase::kPastAction, kPastAction);
  set(Phrase::kActionDone, kActionDone);
  set(Phrase::kActionCarried, kActionCarried);
  set(Phrase::kActionOpen, kActionOpen);
  set(Phrase::kUnicode, kUnicode);
  set(Phrase::kHtml, kHtml);
  set(Phrase::kBareUrl, kBareUrl);
  return p;
}

}  // namespace eavesearch::gen
