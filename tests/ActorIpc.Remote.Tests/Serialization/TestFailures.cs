namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>Exception types an application might define, for the allow-list tests.</summary>
public static class TestFailures
{
    public sealed class OrderRejectedException(string message, Exception? inner) : Exception(message, inner);

    public sealed class CodeOnlyException(int code) : Exception($"code {code}");

    /// <summary>Throws <paramref name="exception"/> so that it gets a real stack trace, and returns it.</summary>
    public static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
