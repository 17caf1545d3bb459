namespace ActorIpc;

/// <summary>
/// The control protocol of a fleet's socket: on one connection the client sends one request
/// frame, and the server answers with one or more response frames. A frame is a 4-byte big-endian
/// length followed by that many bytes of a UTF-8 JSON object, at most <see cref="MaxFrameBytes"/>;
/// every frame carries the protocol version as <c>"v"</c>. A frame of another version, or one that
/// is not such an object, is answered with an <c>error</c> frame and the connection is closed.
/// </summary>
internal static class ControlProtocol
{
    /// <summary>The version this build speaks.</summary>
    public const int Version = 1;

    /// <summary>The largest frame either end accepts: a log line or a call's result is never near it.</summary>
    public const int MaxFrameBytes = 16 << 20;

    /// <summary>The requests (a request's <c>op</c>).</summary>
    internal static class Ops
    {
        public const string Status = "status";
        public const string Logs = "logs";
        public const string Restart = "restart";
        public const string Stop = "stop";
        public const string Invoke = "invoke";

        public static readonly string[] All = [Status, Logs, Restart, Stop, Invoke];
    }

    /// <summary>The responses (a response's <c>type</c>).</summary>
    internal static class Types
    {
        /// <summary>The fleet's status: answers <c>status</c>, and ends a <c>restart</c>.</summary>
        public const string Status = "status";

        /// <summary>A log line of <c>logs</c>.</summary>
        public const string Line = "line";

        /// <summary>The end of <c>logs</c>: the lines asked for were sent, or the fleet stops.</summary>
        public const string End = "end";

        /// <summary>The first answer to <c>stop</c>, with the process id of the fleet's process.</summary>
        public const string Stopping = "stopping";

        /// <summary>Every replica has stopped; the node shuts down, and the connection closes when it has.</summary>
        public const string Stopped = "stopped";

        /// <summary>The result of <c>invoke</c>, as JSON text.</summary>
        public const string Result = "result";

        /// <summary>The request failed; the last frame.</summary>
        public const string Error = "error";
    }

    /// <summary>The codes of <c>error</c> frames.</summary>
    internal static class Errors
    {
        public const string Version = "version";
        public const string Malformed = "malformed";
        public const string UnknownRequest = "unknown-request";
        public const string BadRequest = "bad-request";
        public const string UnknownProcess = "unknown-process";
        public const string Failed = "failed";
        public const string CallFailed = "call-failed";
        public const string NotRunning = "not-running";
    }
}
