def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] wave 1: base, lone')
assert log.contains('[INFO] wave 2: mid')
assert log.contains('[INFO] wave 3: leaf')
assert log.contains('[INFO] 4 services in 3 waves')
// orchestrator:plan -Dorchestrator.services=mid: only mid and what it needs
assert log.contains('[INFO] 2 services in 2 waves')
// orchestrator:list
assert log =~ /\[INFO\] leaf +services\/leaf\/Dockerfile +needs base, mid/
assert !log.contains('BUILD FAILURE')
return true
