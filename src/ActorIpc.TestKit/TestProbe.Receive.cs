namespace ActorIpc.TestKit;

/// <summary>Expectations over several messages.</summary>
public sealed partial class TestProbe
{
    /// <summary>Takes messages until one meets <paramref name="isMessage"/>, skipping the others.</summary>
    /// <param name="isMessage">The condition the awaited message meets.</param>
    /// <param name="duration">How long to fish in total (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="hint">Describes the condition in the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first message that met the condition.</returns>
    /// <exception cref="TestKitAssertionException">No message met the condition in time; the failure lists the ones skipped.</exception>
    public Task<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        FishAsync("FishForMessageAsync", "a message matching the predicate", isMessage, duration, hint, cancellationToken);

    /// <summary>Takes messages until a <typeparamref name="T"/> meets <paramref name="isMessage"/>, skipping every other message.</summary>
    /// <param name="isMessage">The condition the awaited message meets.</param>
    /// <param name="duration">How long to fish in total (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="hint">Describes the condition in the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first message that met the condition.</returns>
    /// <exception cref="TestKitAssertionException">No message met the condition in time; the failure lists the ones skipped.</exception>
    public Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        FishAsync($"FishForMessageAsync<{Describe.Type(typeof(T))}>", $"a message of type {Describe.Type(typeof(T))} matching the predicate", isMessage, duration, hint, cancellationToken);

    /// <summary>
    /// Takes messages while they are <typeparamref name="T"/>s that meet <paramref name="shouldContinue"/>.
    /// The first message that does not stays in the queue for the next expectation. Stops also
    /// when <paramref name="max"/> has passed, when no message came for <paramref name="idle"/>, or
    /// after <paramref name="maxMessages"/> messages. Never fails for lack of messages.
    /// </summary>
    /// <param name="shouldContinue">The condition every taken message meets.</param>
    /// <param name="max">The total time (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="idle">The longest gap between two messages (dilated); null: no limit but <paramref name="max"/>.</param>
    /// <param name="maxMessages">The most messages to take.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The messages taken, in order.</returns>
    public async Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue, CancellationToken cancellationToken = default)
    {
        const string Operation = "ReceiveWhileAsync";
        ArgumentNullException.ThrowIfNull(shouldContinue);
        ArgumentOutOfRangeException.ThrowIfNegative(maxMessages);
        var deadline = Deadline.After(RemainingOrDilated(max));
        var gap = idle is { } given ? _settings.Dilate(given, nameof(idle)) : (TimeSpan?)null;
        var taken = new List<T>();

        EnterRead(Operation);
        try
        {
            while (taken.Count < maxMessages)
            {
                var wait = gap is { } g ? Deadline.Earlier(deadline, Deadline.After(g)) : deadline;
                if (await NextAsync(Operation, wait, cancellationToken).ConfigureAwait(false) is not { } item)
                {
                    break;
                }

                if (item.Message is not T message || !shouldContinue(message))
                {
                    _peeked = item;
                    break;
                }

                Take(item);
                taken.Add(message);
            }

            return taken;
        }
        finally
        {
            ExitRead();
        }
    }

    /// <summary>Takes the next <paramref name="count"/> messages, whatever they are.</summary>
    /// <param name="count">How many messages to take.</param>
    /// <param name="duration">The total time (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The messages, in order.</returns>
    /// <exception cref="TestKitAssertionException">Fewer than <paramref name="count"/> messages arrived in time; the failure lists those that did.</exception>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? duration = null, CancellationToken cancellationToken = default)
    {
        const string Operation = "ReceiveNAsync";
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var max = RemainingOrDilated(duration);
        var deadline = Deadline.After(max);
        var received = new List<(object Message, IActorRef Sender)>(count);

        EnterRead(Operation);
        try
        {
            while (received.Count < count)
            {
                var item = await NextAsync(Operation, deadline, cancellationToken).ConfigureAwait(false)
                    ?? throw new TestKitAssertionException(
                        $"{Operation}: timed out after {Describe.Ms(max)}{Origin(duration)} having received {received.Count} of {count} messages: {Describe.List(received)}");
                received.Add(Take(item));
            }

            return received.ConvertAll(r => r.Message);
        }
        finally
        {
            ExitRead();
        }
    }

    private async Task<T> FishAsync<T>(string operation, string what, Predicate<T> isMessage, TimeSpan? duration, string? hint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var max = RemainingOrDilated(duration);
        var deadline = Deadline.After(max);
        var skipped = new List<(object Message, IActorRef Sender)>();

        EnterRead(operation);
        try
        {
            while (true)
            {
                var item = await NextAsync(operation, deadline, cancellationToken).ConfigureAwait(false)
                    ?? throw new TestKitAssertionException(
                        $"{operation}: timed out after {Describe.Ms(max)}{Origin(duration)} waiting for {what}{Hint(hint)}; skipped {skipped.Count} message(s): {Describe.List(skipped)}");
                Take(item);
                if (item.Message is T message && isMessage(message))
                {
                    return message;
                }

                skipped.Add(item);
            }
        }
        finally
        {
            ExitRead();
        }
    }
}
