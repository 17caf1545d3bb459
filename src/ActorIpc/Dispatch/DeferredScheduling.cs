namespace ActorIpc.Dispatch;

/// <summary>
/// Lets a thread that delivers a burst of messages (a transport decoding a buffer of frames)
/// schedule each mailbox it fills once, at the end of the burst, rather than at the first
/// message while the rest are still being decoded: the receiving actor then drains the whole
/// burst in one run instead of waking a thread-pool worker over and over.
/// </summary>
internal static class DeferredScheduling
{
    [ThreadStatic]
    private static List<Mailbox>? t_pending;

    [ThreadStatic]
    private static int t_depth;

    /// <summary>Starts (or nests) a burst on this thread.</summary>
    public static void Enter() => t_depth++;

    /// <summary>Ends a burst; the outermost end schedules every mailbox deferred in it.</summary>
    public static void Exit()
    {
        // A scope made with default(...) rather than begun: nothing to end.
        if (t_depth == 0)
        {
            return;
        }

        if (--t_depth > 0 || t_pending is not { Count: > 0 } pending)
        {
            return;
        }

        foreach (var mailbox in pending)
        {
            mailbox.Dispatcher.Schedule(mailbox);
        }

        pending.Clear();
    }

    /// <summary>Within a burst, keeps <paramref name="mailbox"/> (already marked scheduled) to schedule at its end.</summary>
    public static bool TryDefer(Mailbox mailbox)
    {
        if (t_depth == 0)
        {
            return false;
        }

        (t_pending ??= []).Add(mailbox);
        return true;
    }
}
