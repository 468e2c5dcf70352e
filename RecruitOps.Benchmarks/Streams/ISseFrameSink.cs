namespace RecruitOps.Benchmarks.Streams;

/// <summary>Receives each dispatched event's type and last event id, as bytes that are only valid during the call.</summary>
internal interface ISseFrameSink
{
    void OnFrame(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> lastEventId);
}
