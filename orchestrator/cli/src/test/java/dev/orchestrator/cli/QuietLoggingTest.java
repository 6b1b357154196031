package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** logback is set up by QuietLogging (found through its service file), not by an XML file. */
class QuietLoggingTest {
  @Test
  void onlyWarningsGoToStandardError() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(root.getAppender("STDERR"))
        .isInstanceOfSatisfying(
            ConsoleAppender.class, a -> assertThat(a.getTarget()).isEqualTo("System.err"));
    assertThat(getClass().getResource("/logback.xml")).isNull();
  }

  @Test
  void theProviderMainNamesIsLogbacks() throws ReflectiveOperationException {
    Object provider = Class.forName(Main.LOGGING_PROVIDER).getDeclaredConstructor().newInstance();

    assertThat(provider).isInstanceOf(org.slf4j.spi.SLF4JServiceProvider.class);
    assertThat(org.slf4j.LoggerFactory.getILoggerFactory())
        .isInstanceOf(ch.qos.logback.classic.LoggerContext.class);
  }
}
