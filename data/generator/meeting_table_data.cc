// The meeting series table as text, parsed by meeting_table.cc. A series is a
// line "<meeting_id> | <project>" followed by indented lines of fields, which
// may also be joined by " | ":
//   #<channel>           IRC channel
//   wiki:X, pad:X, URL   agenda URL (wiki.openstack.org/wiki/X, etherpad.openstack.org/p/X)
//   -                    no agenda URL
//   chairs <nicks>       chairs, the first one usually starts the meeting
//   team <key>           key into the people and topic tables
//   life <from>-<to>     YYYYMMDD range of the series
//   weight <1..10>       busy-ness
//   slots <Day> <HHMM> <frequency> [<from>-<to>]; ...   (repeatable)
//   eras <until> <nicks>, ...   chairs before each YYYYMMDD (repeatable)
// Facts from openstack-infra/irc-meetings: ids, projects, channels, agenda URLs,
// chairs, weekdays, times, frequencies. Life spans, eras and weights are
// plausible guesses. Lines starting with '#' and a space are comments.
namespace eavesearch::gen {

extern const char kSeriesTable[];
const char kSeriesTable[] = R"(
airship | Airship Team Meeting
  #airshipit | pad:airship-team-meeting-agenda
  chairs mattmceuen | team airship | life 20180501-20211231 | weight 2
  slots Tue 1600 weekly
api_sig | API Special Interest Group office hours
  #openstack-sdks | wiki:Meetings/API-SIG
  chairs elmiko edleafe dtantsur | team api | life 20180115-20200630 | weight 2
  slots Thu 1600 weekly -20181003; Thu 0900 weekly 20181004-
barbican | Barbican Meeting
  #openstack-barbican | pad:barbican-weekly-meeting
  chairs redrobot | team barbican | life 20131001-20241231 | weight 3
  slots Tue 1300 weekly
blazar | Blazar Team Meeting
  #openstack-meeting-alt | wiki:Meetings/Blazar
  chairs priteau masahito hiro-kobayashi r-mibu | team blazar | life 20161001-20241231 | weight 2
  slots Tue 0900 weekly
chef_openstack | Chef OpenStack Team Meeting
  #openstack-chef | wiki:Meetings/ChefCookbook
  chairs scas jklare calbers Ramereth | team chef | life 20140101-20210630 | weight 2
  slots Tue 0900 adhoc; Tue 1500 adhoc
cinder | Cinder Team Meeting
  #openstack-meeting | wiki:CinderMeetings
  chairs jungleboyj | team cinder | life 20120901-20250630 | weight 8
  slots Wed 1600 weekly
  eras 20141001 jgriffith, 20160401 thingee, 20180901 smcginnis, 20201001 jungleboyj
  eras 20221001 rosmaita, 20241001 whoami-rajat, 20991231 jbernard
cloudkitty | CloudKitty Team Meeting
  #cloudkitty | pad:cloudkitty-meeting-topics
  chairs peschk_l | team cloudkitty | life 20160601-20240630 | weight 2
  slots Fri 1500 first
congressteammeeting | Congress Team Meeting
  #openstack-meeting | pad:congress-meeting-topics
  chairs thinrichs masahito ekcs ekcs_ ramineni ramineni_
  team congress | life 20140601-20191231 | weight 2
  slots Fri 0400 biweekly-even
containers | Containers Team Meeting
  #openstack-containers | -
  chairs strigazi | team magnum | life 20141101-20221231 | weight 3
  slots Tue 1000 weekly
  eras 20160901 adrian_otto, 20170901 hongbin
openstack_cyborg | Cyborg Project Team Meeting
  #openstack-cyborg | wiki:Meetings/CyborgTeamMeeting
  chairs Li_Liu | team cyborg | life 20170501-20250630 | weight 2
  slots Wed 1400 weekly
sahara | OpenStack Data Processing (Sahara) Team Meeting
  #openstack-meeting-3 | wiki:Meetings/SaharaAgenda
  chairs tellesnobrega | team sahara | life 20130501-20201231 | weight 3
  slots Thu 1400 weekly
designate | Designate (DNSaaS) Meeting
  #openstack-meeting | wiki:Meetings/Designate
  chairs mugsie | team designate | life 20130901-20230630 | weight 3
  slots Wed 1100 quadweekly; Wed 1700 quadweekly-alternate
diversity-wg | Diversity Working Group Meeting
  #openstack-diversity | pad:diversity-wg-agenda
  chairs spotz | team community | life 20151001-20211231 | weight 1
  slots Mon 1700 biweekly-odd
docteam | Documentation Team Meeting
  #openstack-meeting | wiki:Meetings/DocTeamMeeting
  chairs pkovar | team docs | life 20121001-20200630 | weight 4
  slots Thu 0730 biweekly-even; Thu 1630 biweekly-odd
  eras 20160401 annegentle, 20171001 asettle
dragonflow | Dragonflow Project Meeting
  #openstack-meeting-4 | wiki:Meetings/Dragonflow
  chairs oanson | team neutron | life 20150601-20181231 | weight 2
  slots Mon 0800 biweekly-even
fog_edge_massively_distributed_clouds | Fog Edge Massively Distributed Clouds Meeting
  #openstack-meeting | wiki:Fog_Edge_Massively_Distributed_Clouds
  chairs ad_rien_ parus | team edge | life 20160901-20181231 | weight 1
  slots Wed 1500 biweekly-odd
fwaas | Firewall as a Service (FWaaS) Team Meeting
  #openstack-fwaas | pad:fwaas-meeting
  chairs SridarK xgerman njohnston yushiro | team neutron | life 20140601-20190630 | weight 2
  slots Thu 1400 weekly
fc-sig | First Contact SIG Meeting
  #openstack-upstream-institute | wiki:First_Contact_SIG#Meeting_Agenda
  chairs diablo_rojo | team community | life 20180401-20220630 | weight 1
  slots Wed 0100 biweekly-odd
freezer | Freezer Meeting
  #openstack-freezer | pad:freezer_meetings
  chairs gengchc | team freezer | life 20150601-20221231 | weight 1
  slots Tue 0900 biweekly-odd
glance-bs | Glance Bug Squad Meeting
  #openstack-glance | pad:glance-bug-squad-meeting
  chairs abhishekk | team glance | life 20170601-20191231 | weight 1
  slots Mon 1000 biweekly-even
glance | Glance Team Meeting
  #openstack-meeting-4 | pad:glance-team-meeting-agenda
  chairs jokke_ | team glance | life 20120901-20250630 | weight 6
  slots Thu 1400 weekly
  eras 20150401 markwash, 20170301 nikhil, 20181001 rosmaita, 20191001 jokke_, 20991231 abhishekk
gluon | Gluon Meeting
  #openstack-meeting | wiki:Meetings/Gluon
  chairs bh526r | team neutron | life 20160601-20171231 | weight 1
  slots Wed 1800 weekly
networking_policy | Group Based Policy Team Meeting
  #openstack-meeting-3 | -
  chairs SumitNaiksatam | team neutron | life 20140501-20191231 | weight 2
  slots Thu 1800 weekly
heat | Heat (Orchestration) Team Meeting
  #heat | wiki:Meetings/HeatAgenda
  chairs ricolin | team heat | life 20120901-20240630 | weight 5
  slots Wed 1400 weekly
  eras 20160401 shardy, 20170901 therve
horizon | Horizon Team Meeting
  #openstack-meeting-alt | wiki:Meetings/Horizon
  chairs e0ne | team horizon | life 20121101-20250630 | weight 5
  slots Wed 1500 weekly
  eras 20160401 david-lyle, 20170901 robcresswell, 20200401 e0ne, 20210401 amotoki
  eras 20991231 vishalmanchanda
openstack_i18n_meeting | I18N Team Meeting
  #openstack-meeting | wiki:Meetings/I18nTeamMeeting
  chairs eumel8 ianychoi | team i18n | life 20140301-20211231 | weight 2
  slots Thu 0700 biweekly-even; Thu 1600 biweekly-odd
interopwg | Interop Working Group Meeting
  #openstack-meeting-3 | -
  chairs markvoelker eglute hogepodge | team interop | life 20141001-20221231 | weight 2
  slots Wed 1600 weekly
ironic | Ironic (Bare Metal) Team Meeting
  #openstack-ironic | wiki:Meetings/Ironic
  chairs TheJulia | team ironic | life 20130601-20250630 | weight 7
  slots Mon 1500 weekly
  eras 20160401 devananda, 20180301 jroll, 20221001 TheJulia, 20240401 iurygregory, 20991231 JayF
karbor | Karbor Project Meeting
  #openstack-meeting | wiki:Meetings/karbor
  chairs jiaopengju | team karbor | life 20160101-20200630 | weight 1
  slots Tue 0900 biweekly-odd
kayobe | Kayobe Team Meeting
  #openstack-kayobe | wiki:Meetings/Kayobe
  chairs mgoddard | team kolla | life 20190101-20250630 | weight 2
  slots Mon 1400 biweekly-even
keystone | Keystone Team Meeting
  #openstack-meeting-alt | pad:keystone-weekly-meeting
  chairs cmurphy | team keystone | life 20120901-20250630 | weight 8
  slots Tue 1600 weekly
  eras 20141001 dolphm, 20160401 morganfainberg, 20170301 stevemar, 20190301 lbragstad
  eras 20210401 cmurphy, 20220401 knikolla, 20230401 d34dh0r53, 20991231 dmendiza[m]
kolla | Kolla Team Meeting
  #openstack-meeting-4 | wiki:Meetings/Kolla
  chairs Jeffrey4l | team kolla | life 20141001-20250630 | weight 6
  slots Wed 1500 weekly
  eras 20160901 sdake, 20171001 inc0, 20190101 Jeffrey4l, 20210401 mgoddard, 20991231 mnasiadka
kuryr | Kuryr Project Meeting
  #openstack-meeting-4 | wiki:Meetings/Kuryr
  chairs dmellado | team kuryr | life 20150901-20210630 | weight 2
  slots Mon 1400 weekly
lcoo | Large Contributing OpenStack Operators (LCOO)
  #openstack-uc | https://openstack-lcoo.atlassian.net/wiki/spaces/LCOO/pages/8847424
  chairs jamemcc | team uc | life 20161001-20181231 | weight 1
  slots Thu 1300 biweekly-even; Thu 1400 biweekly-odd
loci | LOCI Development Meeting
  #openstack-loci | wiki:Meetings/LOCI
  chairs SamYaple | team kolla | life 20170401-20200630 | weight 1
  slots Fri 1500 weekly
manila | Manila Team Meeting
  #openstack-meeting-alt | wiki:Manila/Meetings
  chairs tbarron | team manila | life 20130901-20250630 | weight 6
  slots Thu 1500 weekly
  eras 20171001 bswartz, 20200401 tbarron, 20991231 gouthamr
masakari | Masakari Team Meeting
  #openstack-meeting | wiki:Meetings/Masakari
  chairs samP | team masakari | life 20161101-20241231 | weight 2
  slots Tue 0400 weekly
mistral | Mistral Meeting
  #openstack-meeting-3 | wiki:Meetings/MistralAgenda
  chairs rakhmerov | team mistral | life 20140101-20220630 | weight 3
  slots Mon 1500 weekly
mogan | Mogan Meeting
  #openstack-meeting | wiki:Meetings/Mogan
  chairs zhenguo | team mogan | life 20170101-20180630 | weight 1
  slots Thu 0200 weekly
monasca | Monasca Team Meeting
  #openstack-monasca | pad:monasca-team-meeting-agenda
  chairs witek | team monasca | life 20150101-20231231 | weight 3
  slots Wed 1500 weekly -20181219; Thu 0700 weekly 20181220-
murano | Murano Team Office hours
  #murano | wiki:Meetings/MuranoAgenda
  chairs zhurong | team murano | life 20140301-20220630 | weight 2
  slots Tue 1300 biweekly-odd
bgpvpn | Networking BGPVPN meeting
  #openstack-meeting-alt | wiki:Meetings/BGPVPN
  chairs matrohon tmorin | team neutron | life 20150501-20191231 | weight 1
  slots Tue 1500 weekly
networking-vpp | Networking VPP team meeting
  #openstack-meeting-3 | wiki:Meetings/networking-vpp
  chairs ijw | team neutron | life 20160901-20191231 | weight 1
  slots Mon 1600 biweekly-even
neutron_ci | Neutron CI team
  #openstack-meeting | wiki:Meetings/NeutronCI
  chairs slaweq ihrachys | team neutron | life 20170101-20250630 | weight 5
  slots Tue 1600 weekly
  eras 20180301 ihrachys slaweq, 20220401 slaweq ykarel, 20991231 ykarel
neutron_drivers | Neutron drivers Meeting
  #openstack-meeting | wiki:Meetings/NeutronDrivers
  chairs mlavalle | team neutron | life 20150601-20250630 | weight 5
  slots Fri 1400 weekly
  eras 20171001 armax, 20200401 mlavalle, 20220401 slaweq, 20240401 lajoskatona, 20991231 haleyb
neutron_l3 | Neutron L3 Sub-team Meeting
  #openstack-meeting | pad:neutron-l3-subteam
  chairs liuyulong haleyb | team neutron | life 20150101-20201231 | weight 3
  slots Wed 1400 weekly
  eras 20190201 carl_baldwin haleyb
neutron_performance | Neutron Performance sub-team Meeting
  #openstack-meeting | pad:neutron-performance-sub-team-agenda
  chairs mlavalle | team neutron | life 20180901-20200630 | weight 1
  slots Mon 1600 biweekly-odd
neutron_qos | Neutron QoS Meeting
  #openstack-meeting | -
  chairs ralonsoh slaweq | team neutron | life 20150601-20200630 | weight 2
  slots Tue 1500 biweekly-odd
networking | Neutron Team Meeting
  #openstack-meeting | wiki:Network/Meetings
  chairs mlavalle | team neutron | life 20120901-20250630 | weight 10
  slots Mon 2100 biweekly-even; Tue 1400 biweekly-odd
  eras 20140401 markmcclain, 20151001 mestery, 20170501 armax, 20180101 kevinbenton
  eras 20200401 mlavalle, 20220401 slaweq, 20240401 lajoskatona, 20991231 haleyb
nova | Nova Team Meeting
  #openstack-meeting | wiki:Meetings/Nova
  chairs efried | team nova | life 20120901-20250630 | weight 10
  slots Thu 1400 biweekly-even; Thu 2100 biweekly-odd
  eras 20140501 russellb, 20150501 mikal, 20160501 johnthetubaguy, 20180501 mriedem
  eras 20190501 melwitt, 20200601 efried, 20220401 gibi, 20991231 bauzas
octavia | Octavia Meeting
  #openstack-lbaas | wiki:Octavia/Weekly_Meeting_Agenda#Agenda
  chairs johnsom | team octavia | life 20140801-20250630 | weight 4
  slots Wed 1600 weekly
  eras 20160401 xgerman, 20200401 johnsom, 20991231 gthiemonge
openstack_ansible_meeting | OpenStack Ansible Deployment Meeting
  #openstack-ansible | -
  chairs evrardjp | team osa | life 20150301-20250630 | weight 5
  slots Tue 1600 weekly
  eras 20170301 odyssey4me, 20190401 evrardjp, 20200601 mnaser, 20991231 noonedeadpunk
charms | OpenStack Charms
  #openstack-meeting-4 | pad:openstack-charms-weekly-meeting
  chairs jamespage gnuoy tinwood thedac cargonza | team charms | life 20160601-20221231 | weight 2
  slots Mon 1700 biweekly-even; Mon 1000 biweekly-odd
openstack-helm | OpenStack-Helm Team Meeting
  #openstack-meeting-4 | pad:openstack-helm-meeting-agenda
  chairs mattmceuen | team helm | life 20170301-20241231 | weight 3
  slots Tue 1500 weekly
  eras 20180401 portdirect
security | Security SIG meeting
  #openstack-meeting | -
  chairs lhinds | team security | life 20130501-20230630 | weight 2
  slots Thu 1500 weekly
  eras 20170601 tmcpeak, 20991231 fungi
operators_telco_nfv | OpenStack Operators Telco and NFV Working Group
  #openstack-meeting | pad:ops-telco-nfv-meeting-agenda
  chairs serverascode | team uc | life 20160501-20181231 | weight 1
  slots Wed 1500 biweekly-even
ops_meetup_team | OpenStack Ops Meetup Team
  #openstack-operators | pad:ops-meetups-team
  chairs mihalis68 | team uc | life 20160901-20231231 | weight 2
  slots Tue 1400 weekly
oslo | Oslo Team Meeting
  #openstack-oslo | wiki:Meetings/Oslo
  chairs bnemec | team oslo | life 20130901-20250630 | weight 5
  slots Mon 1500 weekly
  eras 20150601 dhellmann, 20161001 dims, 20171001 gcb, 20200401 bnemec, 20991231 hberaud
placement | Placement Team Meeting
  #openstack-meeting-alt | wiki:Meetings/Placement
  chairs cdent | team placement | life 20190301-20201231 | weight 4
  slots Mon 1400 weekly
powervm_driver_meeting | PowerVM Driver Meeting
  #openstack-powervm | pad:powervm_driver_meeting_agenda
  chairs edmondsw | team nova | life 20160601-20200630 | weight 1
  slots Tue 1400 weekly
infra | Project Infrastructure Team Meeting
  #openstack-meeting | wiki:Meetings/InfraTeamMeeting
  chairs clarkb | team infra | life 20120901-20250630 | weight 9
  slots Tue 1900 weekly
  eras 20170901 jeblair
publiccloud_wg | Public Cloud Working Group
  #openstack-publiccloud | pad:publiccloud-wg
  chairs tobberydberg zhipeng | team uc | life 20160901-20211231 | weight 1
  slots Thu 1400 biweekly-odd; Wed 0700 biweekly-even
qa | QA Team Office hours
  #openstack-qa | wiki:Meetings/QATeamMeeting
  chairs gmann | team qa | life 20121001-20250630 | weight 7
  slots Thu 1600 weekly
  eras 20141001 sdague, 20160501 mtreinish, 20170901 oomichi, 20180501 andreaf, 20230401 gmann
  eras 20991231 kopecmartin
releaseteam | Release Team Meeting
  #openstack-release | -
  chairs tonyb | team release | life 20160601-20250630 | weight 5
  slots Thu 1900 weekly
  eras 20180301 dhellmann, 20190401 smcginnis, 20200401 tonyb, 20991231 elod hberaud
requirements | Requirements Team Meeting
  #openstack-requirements | wiki:Meetings/Requirements#Agenda_for_next_meeting
  chairs prometheanfire dirk tonyb | team release | life 20160601-20221231 | weight 2
  slots Wed 2030 weekly
rpm_packaging | RPM packaging Meeting
  #openstack-rpm-packaging | wiki:Rpm-packaging/Meetings
  chairs dirk jpena toabctl | team packaging | life 20151001-20210630 | weight 2
  slots Wed 1330 weekly
scientific_sig | Scientific Working Group
  #openstack-meeting | wiki:Scientific_SIG
  chairs oneswig b1airo martial | team uc | life 20160401-20211231 | weight 2
  slots Tue 2100 biweekly-even; Wed 1100 biweekly-odd
openstack_search | Searchlight Team Meeting
  #openstack-searchlight | pad:search-team-meeting-agenda
  chairs dangtrinhnt | team searchlight | life 20150601-20191231 | weight 1
  slots Mon 1330 biweekly-odd
self-healing | Self-healing SIG Meeting
  #openstack-self-healing | wiki:Meetings/SelfHealingSIGMeeting
  chairs aspiers | team sig | life 20180301-20200630 | weight 1
  slots Wed 0900 biweekly-odd; Wed 1700 biweekly-even
senlin | Senlin Team Meeting
  #senlin | wiki:Meetings/SenlinAgenda
  chairs dtruong | team senlin | life 20150301-20221231 | weight 2
  slots Fri 0530 biweekly-even; Thu 1900 biweekly-odd
storyboard | StoryBoard Meeting
  #openstack-meeting | wiki:Meetings/StoryBoard
  chairs SotK diablo_rojo | team storyboard | life 20140301-20210630 | weight 2
  slots Wed 1900 weekly
swift | Swift Team Meeting
  #openstack-meeting | wiki:Meetings/Swift
  chairs notmyname | team swift | life 20120901-20250630 | weight 6
  slots Wed 2100 weekly; Wed 0700 biweekly-even 20170531-
  eras 20191001 notmyname, 20991231 timburke
tacker | Tacker (NFV Orchestrator and VNF Manager) Team Meeting
  #openstack-meeting | wiki:Meetings/Tacker
  chairs gongysh | team tacker | life 20150601-20250630 | weight 3
  slots Tue 0800 weekly
  eras 20170901 sridhar_ram
# The TC met weekly on Tuesdays until 2017, then monthly (the yaml slot), then weekly
# again. The yaml's TC office hours were not MeetBot meetings and are left out.
tc | Technical Committee Meeting
  #openstack-tc | wiki:Meetings/TechnicalCommittee
  chairs dhellmann | team tc | life 20120901-20250630 | weight 9
  slots Tue 2000 weekly -20170630; Thu 1400 first 20181004-20200131
  slots Thu 1500 first 20200201-20210228; Thu 1500 weekly 20210301-20230228
  slots Tue 1800 weekly 20230301-
  eras 20160601 ttx, 20190501 dhellmann, 20210401 mnaser, 20230401 gmann, 20240401 knikolla
  eras 20991231 gouthamr
openstack_telemetry | Telemetry Team Meeting
  #openstack-telemetry | wiki:Meetings/Telemetry
  chairs dangtrinhnt | team telemetry | life 20160101-20230630 | weight 3
  slots Thu 0200 biweekly-odd
  eras 20181001 gordc
tricircle | Tricircle Meeting
  #openstack-meeting | wiki:Meetings/Tricircle
  chairs joehuang | team tricircle | life 20150601-20190630 | weight 1
  slots Wed 0100 weekly
tripleo | TripleO Team Meeting
  #tripleo | -
  chairs dprince | team tripleo | life 20130601-20230630 | weight 6
  slots Tue 1400 weekly
  eras 20160401 slagle, 20180401 EmilienM, 20200401 mwhahaha, 20991231 weshay
trove | Trove (DBaaS) Team Meeting
  #openstack-meeting-alt | wiki:Meetings/TroveMeeting
  chairs zhaochao | team trove | life 20130601-20240630 | weight 3
  slots Wed 1400 weekly
  eras 20160601 SlickNik, 20180301 amrith
upgrades-sig | Upgrades SIG
  #openstack-meeting-4 | pad:upgrades-sig-meeting
  chairs jamespage yushiro | team sig | life 20181101-20201231 | weight 1
  slots Mon 0900 quadweekly; Mon 1600 quadweekly-alternate
uc | User Committee Meeting
  #openstack-uc | wiki:Governance/Foundation/UserCommittee
  chairs VW_ spotz josephrsandoval studarus belmorei_
  team uc | life 20140601-20211231 | weight 2
  slots Mon 1500 weekly
vitrage | Vitrage Team Meeting
  #openstack-meeting-4 | wiki:Meetings/Vitrage
  chairs ifat_afek | team vitrage | life 20151201-20221231 | weight 2
  slots Wed 0800 weekly
watcher | Watcher Team Meeting
  #openstack-meeting-alt | wiki:Watcher_Meeting_Agenda
  chairs licanwei | team watcher | life 20151001-20250630 | weight 2
  slots Wed 0800 biweekly-odd
zaqar | Zaqar Team Meeting
  #openstack-zaqar | wiki:Meetings/Zaqar
  chairs wanghao | team zaqar | life 20130901-20230630 | weight 2
  slots Tue 0200 biweekly-odd
  eras 20170901 flwang
zun | Zun Team Meeting
  #openstack-zun | -
  chairs hongbin fengshengqin | team magnum | life 20160501-20240630 | weight 2
  slots Tue 0300 weekly
# Historical series: real-looking names, made-up schedules and chairs.
project | Project and release status meeting
  #openstack-meeting | wiki:Meetings/ProjectMeeting
  chairs ttx | team tc | life 20120901-20150630 | weight 4
  slots Tue 2100 weekly
crossproject | Cross-project meeting
  #openstack-meeting | wiki:Meetings/CrossProjectMeeting
  chairs ttx | team tc | life 20141101-20160630 | weight 2
  slots Tue 2100 weekly
nova_cells | Nova cells sub-team
  #openstack-meeting-3 | -
  chairs alaski | team nova | life 20150101-20170630 | weight 2
  slots Wed 1700 weekly
nova_scheduler | Nova scheduler sub-team
  #openstack-meeting-alt | -
  chairs n0ano edleafe | team nova | life 20140101-20170630 | weight 2
  slots Mon 1400 weekly
nova_notification | Nova notification sub-team
  #openstack-meeting-4 | -
  chairs gibi | team nova | life 20160601-20181231 | weight 1
  slots Tue 1700 weekly
neutron_ipv6 | Neutron IPv6 sub-team
  #openstack-meeting | -
  chairs sc68cal | team neutron | life 20140101-20160630 | weight 2
  slots Tue 1500 weekly
networking_ml2 | Neutron ML2 sub-team
  #openstack-meeting-alt | -
  chairs rkukura | team neutron | life 20130601-20161231 | weight 2
  slots Wed 1600 weekly
neutron_lbaas | Neutron LBaaS meeting
  #openstack-meeting-alt | -
  chairs dougwig | team octavia | life 20140601-20160630 | weight 2
  slots Thu 1400 weekly
ironic_neutron | Ironic/Neutron integration
  #openstack-meeting-4 | -
  chairs sambetts | team ironic | life 20150601-20170630 | weight 1
  slots Mon 1600 weekly
zuul | Zuul Project Meeting
  #zuul | -
  chairs corvus | team infra | life 20170601-20230630 | weight 2
  slots Mon 2200 weekly
stable | Stable branch maintenance
  #openstack-meeting-4 | -
  chairs tonyb | team release | life 20150101-20170630 | weight 2
  slots Mon 1500 biweekly-even
refstack | RefStack Meeting
  #openstack-meeting-alt | -
  chairs hogepodge | team interop | life 20140601-20180630 | weight 1
  slots Mon 1900 weekly
solum_team_meeting | Solum Team Meeting
  #openstack-meeting-alt | wiki:Meetings/Solum
  chairs adrian_otto | team solum | life 20140101-20161231 | weight 1
  slots Tue 2200 weekly
ceilometer | Ceilometer Team Meeting
  #openstack-meeting | -
  chairs jd__ | team telemetry | life 20121001-20151231 | weight 3
  slots Thu 1500 weekly
  eras 20140601 jd__, 20991231 eglynn
puppet_openstack | Puppet OpenStack Meeting
  #openstack-meeting-4 | -
  chairs EmilienM | team puppet | life 20150301-20211231 | weight 2
  slots Tue 1500 weekly
  eras 20180301 EmilienM, 20991231 tkajinam
fuel | Fuel Weekly Meeting
  #fuel-dev | -
  chairs xarses | team fuel | life 20140101-20161231 | weight 2
  slots Thu 1600 weekly
edge_computing_group | Edge Computing Group
  #edge-computing-group | -
  chairs ildikov | team edge | life 20180201-20211231 | weight 1
  slots Tue 1400 weekly
)";

}  // namespace eavesearch::gen
