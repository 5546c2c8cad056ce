/* true: succeeds, for scripts that test a status. */
int main(void)
{
	return 0;
}
