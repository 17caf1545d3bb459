namespace ActorIpc;

/// <summary>A publisher's answer to a <see cref="PublishedObjectJsonCall"/>: all of it text, so that it crosses without the allow-list.</summary>
/// <param name="Outcome">Whether the method returned, threw, or was not called.</param>
/// <param name="Text">The result as JSON (<c>null</c> for a method without one); the exception's message; or why the call was refused.</param>
/// <param name="ExceptionType">The full name of the exception the method threw, for <see cref="JsonCallOutcome.Threw"/>.</param>
/// <param name="Publisher">The publisher's actor path with its address.</param>
/// <param name="ProcessId">The publisher's operating-system process id.</param>
internal sealed record PublishedObjectJsonAnswer(JsonCallOutcome Outcome, string Text, string? ExceptionType, string Publisher, int ProcessId);
