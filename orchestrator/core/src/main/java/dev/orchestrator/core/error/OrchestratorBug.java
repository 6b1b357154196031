package dev.orchestrator.core.error;

/**
 * Something the orchestrator itself got wrong, not the user: an unexpected exception, a state that
 * cannot happen. Front ends show it as a bug, with where to report it, and the stack trace on
 * {@code -v}.
 */
public final class OrchestratorBug extends OrchestratorException {
  /** Where to report one; the README's "Reporting a bug" says what to include. */
  public static final String TRACKER = "the orchestrator's issue tracker (README: Reporting a bug)";

  public OrchestratorBug(String message, Throwable cause) {
    super(message, cause);
  }

  public OrchestratorBug(String message) {
    super(message);
  }

  /**
   * Wraps anything that escaped the other kinds, keeping it as the cause. The message is what the
   * exception says, without its Java class name: that, and where it came from, is in the stack
   * trace {@code -v} shows.
   */
  public static OrchestratorBug of(Throwable unexpected) {
    return unexpected instanceof OrchestratorBug bug
        ? bug
        : new OrchestratorBug(describe(unexpected), unexpected);
  }

  /**
   * What an exception says, for a message: never its class name; something when it says nothing.
   */
  public static String describe(Throwable unexpected) {
    String message = unexpected.getMessage();
    return message == null || message.isBlank()
        ? "an unexpected error, without a message"
        : message;
  }

  /** The sentence front ends show. */
  public String report() {
    return "internal error: " + getMessage() + "; this is a bug, please report it to " + TRACKER;
  }
}
