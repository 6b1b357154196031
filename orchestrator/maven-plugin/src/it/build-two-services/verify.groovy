def log = new File(basedir, 'build.log').text
def namespace = new File(basedir, 'namespace').text.trim()
def run(List<String> command) {
  def p = command.execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  return [p.exitValue(), out.toString().trim()]
}
try {
  assert log.contains('[INFO] plan: 2 services in 2 waves')
  assert log =~ /\[INFO\] base +linux\/amd64 +built/
  assert log =~ /\[INFO\] app +linux\/amd64 +built/
  assert log.contains('2 services in ')
  assert log.contains('2 built, 0 cached, 0 up to date, 0 failed, 0 skipped')
  assert log.contains('BUILD SUCCESS')
  def (exit, out) = run(['docker', 'run', '--rm', "${namespace}/app:latest".toString()])
  assert exit == 0
  assert out == 'base for x86_64'
} finally {
  ['app', 'base'].each { run(['docker', 'image', 'rm', '-f', "${namespace}/${it}:latest".toString()]) }
}
return true
