def log = new File(basedir, 'build.log').text
assert log.contains('FAILED broken: docker buildx bake exited with 1')
assert log.contains('no-such-file.txt')
assert log.contains('SKIPPED child: dependency broken failed')
assert log.contains('1 services failed, 1 skipped')
assert log.contains('BUILD FAILURE')
return true
