def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] orchestrator: skipped (orchestrator.skip)')
assert !log.contains('FAILED broken')
assert log.contains('BUILD SUCCESS')
return true
