using System.Reflection;
using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// The host's JSON calls (<see cref="PublishedObjectJsonCall"/>): the method is picked by its name
/// and number of arguments and run as a proxy's call is, counted among the calls in flight that
/// unpublishing waits for; the answer is text (<see cref="PublishedObjectJsonAnswer"/>), whatever
/// the types involved.
/// </summary>
internal sealed partial class PublishedObjectHost
{
    private void ServeJson(PublishedObjectJsonCall call, IActorRef sender)
    {
        if (!JsonCallBinding.TryBind(_service, call, out var method, out var arguments, out var refusal))
        {
            AnswerJson(sender, JsonCallOutcome.Refused, refusal, null);
            return;
        }

        Interlocked.Increment(ref _inFlight);
        ValueTask<object?> pending;
        try
        {
            pending = method.Invoke(_implementation, arguments, _stopping.Token);
        }
        catch (Exception e)
        {
            AnswerThrown(sender, e);
            CallEnded();
            return;
        }

        _ = AnswerJsonWhenDoneAsync(pending, sender);
    }

    // As ReplyWhenDoneAsync: on the task's continuation, touching only what is thread-safe.
    private async Task AnswerJsonWhenDoneAsync(ValueTask<object?> pending, IActorRef sender)
    {
        try
        {
            object? result;
            try
            {
                result = await pending.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                AnswerThrown(sender, e);
                return;
            }

            string json;
            try
            {
                json = JsonCallBinding.Write(result);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                AnswerJson(sender, JsonCallOutcome.Refused, $"its result, a {result!.GetType().FullName}, could not be written as JSON: {e.Message}", null);
                return;
            }

            AnswerJson(sender, JsonCallOutcome.Returned, json, null);
        }
        finally
        {
            CallEnded();
        }
    }

    private void AnswerThrown(IActorRef sender, Exception error)
    {
        if (error is TargetInvocationException { InnerException: { } inner })
        {
            error = inner;
        }

        AnswerJson(sender, JsonCallOutcome.Threw, error.Message, error.GetType().FullName ?? error.GetType().Name);
    }

    private void AnswerJson(IActorRef sender, JsonCallOutcome outcome, string text, string? exceptionType)
    {
        // As for a proxy's call: once the host has stopped, its callers learn it from its end.
        if (Volatile.Read(ref _gone) == 0)
        {
            sender.Tell(new PublishedObjectJsonAnswer(outcome, text, exceptionType, _publisher, Environment.ProcessId), _self);
        }
    }
}
