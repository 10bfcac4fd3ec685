import type { ReactNode } from 'react'
import { Box, Center, Divider, Paper, Text, Title } from '@mantine/core'

/** The centred card the sign-in and the forced password change share. */
export function AuthFrame({ subtitle, children }: { subtitle: string; children: ReactNode }) {
  return (
    <Box mih="100vh" bg="zhengwu.8" style={{ borderTop: '4px solid var(--mantine-color-red-8)' }}>
      <Center mih="100vh" p="md">
        <Paper w={400} p="xl" radius="sm" shadow="md">
          <Title order={1} ta="center" c="zhengwu.8" style={{ letterSpacing: '0.3em' }}>三办</Title>
          <Text ta="center" size="sm" c="dimmed" mt={4}>市政府办公室 办文 · 办会 · 办事</Text>
          <Divider my="md" label={subtitle} labelPosition="center" />
          {children}
        </Paper>
      </Center>
    </Box>
  )
}
