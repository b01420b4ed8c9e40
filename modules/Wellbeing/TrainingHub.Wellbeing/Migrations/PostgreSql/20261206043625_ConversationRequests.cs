using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Wellbeing.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ConversationRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversationRequests",
                schema: "wellbeing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedScores = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationRequests_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalSchema: "wellbeing",
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationRequests_PersonId_RoundId",
                schema: "wellbeing",
                table: "ConversationRequests",
                columns: new[] { "PersonId", "RoundId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationRequests_RoundId",
                schema: "wellbeing",
                table: "ConversationRequests",
                column: "RoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationRequests",
                schema: "wellbeing");
        }
    }
}
