// Agenda topics and team keywords. One topic per line:
//   kind|from|to|teams|weight|title;title...|term;term...
// kind: R roll call, A past action items, G generic, B bugs, C gate/CI,
// L release, O open discussion. from/to are YYYYMMDD (0 = unbounded), teams a
// comma list (empty = any team).
#include <sstream>

#include "vocabulary.h"

namespace eavesearch::gen {
namespace {

constexpr char kTopics[] = R"(R|0|0||1|Roll call;Rollcall;roll call;Attendance;Roll Call|
A|0|0||1|Action items from last meeting;Review past action items;Previous action items;action items|
B|0|0||6|Bug triage;Bugs;Bugs (stuck/critical);Critical bugs;Bug deputy report|bug triage;the bug queue;untriaged bugs;critical bugs;the bug deputy rotation
C|0|0||5|Gate status;CI status;Gate health;Periodic jobs;CI|gate stability;the periodic jobs;grenade;the multinode job;unstable tests;the py3 jobs
L|0|0||5|Release schedule;Release countdown;{cycle} release;Release management;Milestone {milestone}|the release schedule;feature freeze;the final release;release notes;the stable release;client library freeze
O|0|0||1|Open discussion;Open Discussion;open discussion;Open floor;Free discussion|
G|0|0||4|Stable branches;Stable branch status;stable/{prev_cycle} status|stable backports;the stable branch;extended maintenance;stable reviews
G|0|0||3|Review priorities;Reviews;Patches needing attention|review priorities;the review backlog;runways;core reviewer bandwidth
G|0|0||2|Documentation;Docs|the install guide;the api-ref;the admin guide;docs migration;the contributor guide
G|20170101|0||3|PTG planning;PTG;{next_cycle} PTG;PTG topics|the PTG agenda;the PTG etherpad;PTG scheduling;virtual PTG
G|0|20161231||2|Design summit;Summit planning;Summit sessions|the design summit;summit sessions;the summit etherpad;the ops summit
G|0|0||2|Specs;Blueprints;Spec review|spec freeze;the spec backlog;blueprints;specless blueprints
G|20130101|20181231||2|Python 3;Python 3 support;py3 status|python 3 support;the py3 port;six usage;py35 jobs;python 3.5
G|20190401|20200630||4|Python 3 only;Dropping Python 2.7;py27 removal|dropping python 2.7;python 3 only;removing six;py27 jobs;the py2 deprecation
G|20170901|20210630||4|Zuul v3 migration;Zuul v3;Legacy job migration|zuul v3 migration;legacy jobs;zuul v3 native jobs;the zuul v3 migration goal;job definitions in-repo
G|20160101|20231231|nova,neutron,cinder,tc,oslo|2|privsep;Rootwrap to privsep;oslo.privsep migration|privsep;rootwrap;oslo.privsep;privsep entrypoints;the rootwrap filters;the rootwrap to privsep goal
G|20200301|20210430||5|Ubuntu 20.04;Focal migration;Ubuntu 20.04 migration|ubuntu 20.04;focal;the focal nodeset;the ubuntu 20.04 migration;focal jobs
G|20180301|20190630||2|Ubuntu 18.04;Bionic migration|ubuntu 18.04;bionic;bionic nodes;the bionic migration
G|20220301|20230430||3|Ubuntu 22.04;Jammy migration|ubuntu 22.04;jammy;the jammy nodeset;python 3.10
G|20240301|0||3|Ubuntu 24.04;Noble migration|ubuntu 24.04;noble;the noble nodeset;python 3.12
G|20200901|20220630||2|CentOS 8 Stream;CentOS Stream|centos 8 stream;centos 8;stream jobs;rhel 8
G|20180101|20201231|infra,tc,qa,release|3|OpenDev;Gitea;OpenDev migration|opendev;the git.openstack.org redirects;gitea;the repo renames;review.opendev.org
G|20201001|20201231|infra|3|Gerrit upgrade;Gerrit 3.2 upgrade|the gerrit upgrade;gerrit 3.2;polygerrit;the new change URLs
G|20210501|20210831||4|IRC move to OFTC;OFTC migration|the OFTC move;oftc;the freenode situation;channel registration;the opendevmeet bot
G|20160101|0|tc|6|Community goals;{next_cycle} goals;Goal selection|community goals;goal champions;the goal selection;the {next_cycle} goals;pdf docs goal;the mock goal
G|20120101|0|tc|5|Project health;Health checks;Leaderless projects|project health;leaderless projects;the PTL appointments;inactive projects;distributed leadership;the emerging projects
G|20120101|0|tc|4|Governance;Charter changes;TC resolutions|the TC charter;governance changes;the technical vision;resolutions;the python runtimes;the tc tracker
G|20120101|0|tc,community,uc|4|Elections;TC elections;PTL elections|elections;the election schedule;candidacies;the election officials;voter turnout
G|20190101|0|tc,keystone,nova,cinder,neutron|4|Secure RBAC;Consistent and secure policies;Policy defaults|secure rbac;new default roles;system scope;scope enforcement;policy deprecation;the project reader role
G|20220101|0|tc,oslo,nova,neutron,cinder,keystone,glance|3|SQLAlchemy 2.0;DB layer;sqlalchemy 2.0 migration|sqlalchemy 2.0;autocommit removal;the oslo.db changes;alembic migrations;sqlalchemy-migrate removal
G|20240101|0|tc,oslo,nova,neutron,swift,glance|3|Eventlet removal;Moving away from eventlet|eventlet removal;asyncio;the eventlet deprecation;threading mode;oslo.service backends
G|20230101|0|tc,release,qa|3|Unmaintained branches;Extended maintenance;unmaintained/ policy|unmaintained branches;the unmaintained/ namespace;EOL tagging;stable branch lifetimes
G|20200401|0|tc,community|2|Meeting format;Video meetings;Meeting time|the meeting time;video meetings;office hours;the meeting format
G|20160101|0|nova,placement|6|Placement;Placement update;Resource providers|placement;resource providers;allocation candidates;nested resource providers;consumer generations;the placement extraction;reshaper
G|20150601|20191231|nova|6|Cells v2;Cells;Cells update|cells v2;the cell0 database;multi-cell;the cells v2 migration;nova-manage cell_v2
G|20120101|0|nova|5|Live migration;Live migration subteam|live migration;post-copy;volume-backed live migration;the migration progress api;NUMA live migration
G|20120101|0|nova|4|Libvirt;Libvirt driver|the libvirt driver;vGPU support;NUMA topology;cpu pinning;qemu versions;the vTPM support
G|20120101|0|nova|3|API;Microversions;API subteam|microversions;the compute api;api validation;policy defaults;unified limits
G|20150601|0|neutron|6|OVN;OVN driver;networking-ovn|ovn;the ovn driver;ovn migration;ovn metadata;northd;ovsdb
G|20120101|0|neutron|5|L3;DVR;L3 subteam|dvr;the l3 agent;floating ips;ha routers;router scheduling;conntrack
G|20120101|0|neutron|4|ML2;Port binding;Segments|ml2;port binding;routed networks;segments;the ovs agent;trunk ports
G|20150601|0|neutron|3|QoS;Neutron QoS|qos;bandwidth limits;minimum bandwidth;qos policies;placement integration
G|20120101|0|cinder|6|Drivers;Volume drivers;Third party CI|volume drivers;third party ci;driver removal;unsupported drivers;the driver checklist
G|20120101|0|cinder|4|Multiattach;Backups;Replication|multiattach;backups;replication;volume migration;os-brick;attachment api
G|20120101|0|keystone|5|Federation;Application credentials;Tokens|federation;application credentials;fernet tokens;jws tokens;keystone-to-keystone;system scope
G|20120101|0|infra|6|Infra priorities;Topics;Server upgrades;Cloud providers|nodepool;the mirror servers;afs;launch-node;the etherpad server;mailman 3;the nodepool builders;zookeeper
G|20120101|0|qa|5|Tempest;Devstack;Grenade|tempest;devstack;grenade;stackviz;tempest plugins;the integrated gate;the tempest-full job
G|20120101|0|ironic|5|Ironic subteam status;Deploy steps;Redfish|deploy steps;redfish;ipxe;fast track;the anaconda deploy;ironic-python-agent;bios settings
G|20120101|0|swift|5|Swift sharding;Erasure coding;Swift py3|container sharding;erasure coding;the object expirer;replication;the py3 port;s3api
G|20120101|0|glance|4|Glance priorities;Image import|interoperable image import;multiple stores;image caching;the v1 api removal;glance-store
G|20120101|0|horizon|4|Horizon plugins;Angular;Horizon priorities|angular panels;horizon plugins;xstatic packages;the django upgrade;the new ui
G|20120101|0|tripleo|5|TripleO CI;Containers;Squad status|container images;the tripleo ci;undercloud upgrades;the deployed-server work;ansible roles;podman
G|20120101|0|kolla|5|Kolla images;Kolla-ansible;Kayobe|kolla images;kolla-ansible;the image build;kayobe;the loci images;ansible collections
G|20120101|0|manila|4|Manila drivers;Share replication|share replication;share networks;the cephfs driver;share groups;manila-ui
G|20120101|0|oslo|4|Oslo libraries;Oslo releases|oslo.messaging;oslo.config;oslo.db;oslo.policy;the oslo release process;pbr
G|20120101|0|release|5|Release process;Release tooling|the release tooling;release highlights;the releases repo;the cycle-with-rc model;reno
G|20120101|0|osa|4|OSA roles;OSA releases|openstack-ansible roles;the ansible collections;the os_nova role;lxc containers;the upgrade playbooks
G|20120101|0|octavia|4|Amphora;Octavia drivers|amphora images;the ovn provider;the amphora v2 driver;load balancer failover;haproxy
G|20120101|0|docs,i18n|4|Translations;Docs migration;Install guide|translations;zanata;the install guide;the docs migration;translation freeze
G|20120101|0|uc,community|4|Ops meetup;User survey;Working groups|the ops meetup;the user survey;the forum sessions;the working groups;operator feedback
G|20120101|0|telemetry,monasca,vitrage,watcher|4|Metrics;Alarms;Gnocchi|gnocchi;ceilometer polling;aodh alarms;metrics storage;the monasca api
)";

// Team-specific keywords, mixed into any topic of that team's meetings.
constexpr char kTeamTerms[] =
    R"(nova|the scheduler;nova-compute;the conductor;server groups;resize;evacuate;quota;the flavor extra specs;vGPU;the ironic driver;instance metadata
placement|allocation candidates;traits;resource classes;aggregates;the placement api
neutron|the ovs agent;the metadata agent;security groups;neutron-lib;port forwarding;the dhcp agent;ipv6;the ovn driver
cinder|os-brick;volume types;the lvm driver;the rbd driver;snapshots;volume retype;the nvmeof connector
keystone|the identity api;ldap;policy;tokens;the oslo.policy integration;mfa
infra|zuul;nodepool;gerrit;the mirrors;opendev.org;the ansible playbooks;the etherpad server
qa|tempest;devstack;grenade;tempest plugins;the integrated gate
ironic|ironic-python-agent;ipmi;redfish;the conductor;inspector;bifrost
swift|the proxy server;erasure coding;container sharding;the object server;s3api;the ring
glance|glance-store;image import;the image cache;multiple stores;image properties
horizon|angular;django;xstatic;the launch instance dialog;horizon plugins
heat|heat templates;convergence;the engine;heat-translator;stack updates
tripleo|the undercloud;the overcloud;container images;ansible;the heat templates
kolla|kolla images;kolla-ansible;the image build;kayobe;bifrost
manila|share networks;the generic driver;share replication;cephfs;share types
oslo|oslo.messaging;oslo.config;oslo.db;oslo.log;pbr;tooz
release|the releases repo;reno;the release schedule;stable branches;deliverable files
osa|the os_nova role;lxc;the playbooks;the inventory;ansible collections
octavia|amphora;the health manager;haproxy;the ovn provider;listeners
tc|community goals;the governance repo;project teams;the technical vision;the tc charter
)";

constexpr char kTeamRepos[] = R"(nova|nova;python-novaclient;os-vif;os-traits
placement|placement;osc-placement;os-resource-classes
neutron|neutron;neutron-lib;python-neutronclient;ovn-octavia-provider
cinder|cinder;os-brick;python-cinderclient
keystone|keystone;keystonemiddleware;keystoneauth
infra|system-config;project-config;zuul;nodepool
qa|tempest;devstack;grenade
ironic|ironic;ironic-python-agent;python-ironicclient
swift|swift;python-swiftclient
glance|glance;glance_store;python-glanceclient
horizon|horizon;django_openstack_auth
heat|heat;python-heatclient;heat-templates
tripleo|tripleo-common;tripleo-heat-templates;python-tripleoclient
kolla|kolla;kolla-ansible;kayobe
manila|manila;python-manilaclient;manila-ui
oslo|oslo.messaging;oslo.config;oslo.db;oslo.log
release|releases;reno;openstack-requirements
osa|openstack-ansible;openstack-ansible-os_nova
octavia|octavia;octavia-lib;python-octaviaclient
docs|openstack-manuals;openstackdocstheme
tc|governance;nova;neutron;cinder;keystone;swift
uc|governance-uc;openstack-manuals
community|contributor-guide;upstream-institute
)";

TopicKind kind_of(char c) {
  switch (c) {
    case 'R':
      return TopicKind::kRollCall;
    case 'A':
      return TopicKind::kPastActions;
    case 'B':
      return TopicKind::kBugs;
    case 'C':
      return TopicKind::kGate;
    case 'L':
      return TopicKind::kRelease;
    case 'O':
      return TopicKind::kOpen;
    default:
      return TopicKind::kGeneric;
  }
}

std::vector<std::string> split_on(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(text);
  while (std::getline(in, field, sep)) {
    if (!field.empty()) out.push_back(field);
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> keyed(const char* text) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const std::string& line : split_on(text, '\n')) {
    const size_t bar = line.find('|');
    out.emplace_back(line.substr(0, bar), split_on(line.substr(bar + 1), ';'));
  }
  return out;
}

}  // namespace

std::vector<std::string> split_bar(const std::string& text) {
  // Keeps empty fields: "a||b" has three.
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t bar = text.find('|', start);
    out.push_back(text.substr(start, bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

std::vector<TopicDef> build_topics() {
  std::vector<TopicDef> topics;
  for (const std::string& line : split_on(kTopics, '\n')) {
    const std::vector<std::string> f = split_bar(line);
    TopicDef t;
    t.kind = kind_of(f.at(0).at(0));
    t.from = std::stoi(f.at(1));
    t.to = std::stoi(f.at(2));
    t.teams = split_on(f.at(3), ',');
    t.weight = std::stoi(f.at(4));
    t.titles = split_on(f.at(5), ';');
    t.terms = split_on(f.at(6), ';');
    topics.push_back(std::move(t));
  }
  return topics;
}

std::vector<std::pair<std::string, std::vector<std::string>>> build_team_terms() {
  return keyed(kTeamTerms);
}

std::vector<std::pair<std::string, std::vector<std::string>>> build_team_repos() {
  return keyed(kTeamRepos);
}

}  // namespace eavesearch::gen
