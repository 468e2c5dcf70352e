using RecruitOps.Operations;
using RecruitOps.Streaming;

namespace RecruitOps.Tests.Streaming;

public sealed class ResumePointTests
{
    [Fact]
    public void Operation_ids_and_time_positions_come_back_re_formatted_to_the_same_text()
    {
        var id = new OperationIdGenerator(TimeProvider.System).Next();
        var position = OperationId.AtTime(DateTimeOffset.UtcNow);

        Assert.True(ResumePoint.TryNormalize(id, out var normalizedId));
        Assert.True(ResumePoint.TryNormalize(position, out var normalizedPosition));
        Assert.Equal(id, normalizedId);
        Assert.Equal(position, normalizedPosition);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAVV")]
    [InlineData("01arz3ndektsv4rrffq69g5fav")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAU")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("01ARZ3NDEK' or RowKey gt '")]
    public void Anything_but_a_well_formed_id_is_rejected(string raw)
    {
        Assert.False(ResumePoint.TryNormalize(raw, out var id));
        Assert.Null(id);
    }
}
