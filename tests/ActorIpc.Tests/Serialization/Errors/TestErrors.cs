namespace ActorIpc.Tests.Serialization.Errors;

// Re-created as themselves in the test system, by "ActorIpc.Tests.Serialization.Errors.*".
public static class TestErrors
{
    public enum Severity
    {
        Minor,
        Fatal,
    }

    /// <summary>No serialization constructor; Code is an init-only property.</summary>
    public sealed class QuotaExceededException(string message) : Exception(message)
    {
        public int Code { get; init; }

        public Severity Severity { get; init; }

        public DateTimeOffset At { get; init; }
    }

    /// <summary>Its constructor's parameters match its properties by name.</summary>
    public sealed class OrderRejectedException(string orderId, decimal amount, Exception? inner)
        : Exception($"order {orderId} of {amount} rejected", inner)
    {
        public string OrderId { get; } = orderId;

        public decimal Amount { get; } = amount;
    }

    /// <summary>No constructor matches: made without one, its get-only property set through the backing field.</summary>
    public sealed class LedgerException : Exception
    {
        public LedgerException(DateTime when)
            : base($"ledger closed at {when:O}")
        {
            Page = -1;
        }

        public int Page { get; }

        public Guid Ledger { get; private set; }
    }

    /// <summary>Its only constructor throws on the receiving side.</summary>
    public sealed class FragileException : Exception
    {
        public FragileException(string message)
            : base(message)
        {
            if (message.StartsWith("arrived", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("cannot be constructed here");
            }
        }

        public static FragileException Create() =>
            (FragileException)new FragileException("sent").WithMessage("arrived: fragile");
    }

    /// <summary>Carries another exception and a record in properties.</summary>
    public sealed class CompositeException(string message) : Exception(message)
    {
        public Exception? Cause { get; init; }

        public Messages.TestMessages.Line? Line { get; init; }

        public Hidden.HiddenTypes.Secret? Secret { get; init; }

        public object? Context { get; set; }
    }

    /// <summary>Properties that lead back to the exception itself.</summary>
    public sealed class LoopingException(string message) : Exception(message)
    {
        public Exception Self => this;

        public Exception Again => this;
    }

    /// <summary>Its constructor adds to the message it is given.</summary>
    public sealed class DecoratingException(string message) : Exception("billing: " + message);

    private static Exception WithMessage(this Exception exception, string message)
    {
        typeof(Exception).GetField("_message", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .SetValue(exception, message);
        return exception;
    }
}
