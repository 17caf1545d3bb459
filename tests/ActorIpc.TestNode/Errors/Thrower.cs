using ActorIpc.TestNode.Hidden;

namespace ActorIpc.TestNode.Errors;

/// <summary>Throws the exceptions the tests ask for, each from a method of its own so that stacks can be checked.</summary>
public static class Thrower
{
    /// <summary>The exception of <paramref name="kind"/>, thrown and caught so that it has a stack trace.</summary>
    public static Exception Catch(string kind)
    {
        try
        {
            Throw(kind);
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException($"'{kind}' did not throw");
    }

    private static void Throw(string kind)
    {
        switch (kind)
        {
            case "quota": ThrowQuotaExceeded(); break;
            case "argument": ThrowArgument(); break;
            case "inner": ThrowWithInner(); break;
            case "aggregate": ThrowAggregate(); break;
            case "hidden": ThrowLedgerCorrupted(); break;
            default: throw new ArgumentException($"no kind '{kind}'", nameof(kind));
        }
    }

    private static void ThrowQuotaExceeded() =>
        throw new QuotaExceededException("quota of 5 exceeded") { Code = 42 };

    private static void ThrowArgument() =>
        throw new ArgumentException("must be positive", "amount");

    private static void ThrowWithInner() =>
        throw new InvalidOperationException(
            "could not save the order",
            new IOException("disk full", new QuotaExceededException("quota of 1 exceeded") { Code = 7 }));

    private static void ThrowAggregate() =>
        throw new AggregateException("two failed", new TimeoutException("first"), new QuotaExceededException("second") { Code = 2 });

    private static void ThrowLedgerCorrupted() =>
        throw new LedgerCorruptedException("ledger north is corrupt at page 9") { Page = 9, Ledger = "north" };
}
