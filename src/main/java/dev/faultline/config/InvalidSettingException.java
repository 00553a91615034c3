package dev.faultline.config;

/**
 * A setting that stops Faultline from starting. The message is one line that names the environment variable,
 * because it is all an operator sees of a failed start.
 */
public class InvalidSettingException extends RuntimeException {

    private final String variable;

    public InvalidSettingException(String variable, String problem) {
        this(variable, problem, null);
    }

    public InvalidSettingException(String variable, String problem, Throwable cause) {
        super(variable + ": " + problem, cause);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
