def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] wave 1: base, lone')
assert log.contains('[INFO] wave 2: mid')
assert log.contains('[INFO] wave 3: leaf')
assert log.contains('[INFO] 4 services in 3 waves')
// orchestrator:plan -Dorchestrator.services=mid: only mid and what it needs
assert log.contains('[INFO] 2 services in 2 waves')
// orchestrator:list
assert log =~ /\[INFO\] leaf +services\/leaf\/Dockerfile +needs base, mid/
// orchestrator:build -Dorchestrator.explain=leaf: the input hashes, nothing built
assert log.contains('[INFO] leaf will be rebuilt')
assert log =~ /\[INFO\]   looked: local engine: no image orchestrator-it\/leaf:latest/
// orchestrator:build -Dorchestrator.dryRun: the exact bake command and the definition it reads,
// where leaf takes its in-repo bases as target: contexts of the same session
assert log =~ /\[INFO\] BUILDX_GIT_INFO=false docker buildx bake --file \S+batch-1\.json --progress=rawjson/
assert log.contains('"tags" : [ "orchestrator-it/leaf:latest" ]')
assert log.contains('"mid" : "target:mid"')
assert !log.contains('BUILD FAILURE')
return true
