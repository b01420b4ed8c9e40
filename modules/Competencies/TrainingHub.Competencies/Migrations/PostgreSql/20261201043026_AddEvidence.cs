using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Competencies.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Evidence",
                schema: "competencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: true),
                    Hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    SuggestedLevelRank = table.Column<int>(type: "integer", nullable: true),
                    SourceReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Nodes_NodeId",
                        column: x => x.NodeId,
                        principalSchema: "competencies",
                        principalTable: "Nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                schema: "competencies",
                columns: table => new
                {
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.EvidenceId);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalSchema: "competencies",
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RatingEvidence",
                schema: "competencies",
                columns: table => new
                {
                    RatingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingEvidence", x => new { x.RatingId, x.EvidenceId });
                    table.ForeignKey(
                        name: "FK_RatingEvidence_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalSchema: "competencies",
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RatingEvidence_Ratings_RatingId",
                        column: x => x.RatingId,
                        principalSchema: "competencies",
                        principalTable: "Ratings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_NodeId",
                schema: "competencies",
                table: "Evidence",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_PersonId_LineageId_RecordedAt",
                schema: "competencies",
                table: "Evidence",
                columns: new[] { "PersonId", "LineageId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_PersonId_LineageId_SourceReference",
                schema: "competencies",
                table: "Evidence",
                columns: new[] { "PersonId", "LineageId", "SourceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingEvidence_EvidenceId",
                schema: "competencies",
                table: "RatingEvidence",
                column: "EvidenceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceFiles",
                schema: "competencies");

            migrationBuilder.DropTable(
                name: "RatingEvidence",
                schema: "competencies");

            migrationBuilder.DropTable(
                name: "Evidence",
                schema: "competencies");
        }
    }
}
